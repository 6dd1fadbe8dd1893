//! The GAN lab's file: a trained GAN of either mode comes back with the same outputs bit for bit and
//! the same description, training resumes from it, and every damaged or foreign file is refused
//! with its own error (never a panic).

use burn::prelude::*;
use latent_lab::gan::file::{self as gan_file, GanFileError, GanFileMeta};
use latent_lab::gan::settings::{GanMode, GanSettings, ToyTarget};
use latent_lab::i18n::Lang;
use latent_lab::model::gan::{Discriminator, DiscriminatorConfig, Generator};
use latent_lab::model::gan_history::GanRecord;
use latent_lab::model::history::HistoryPoint;
use latent_lab::model::lab::{LabConfig, LabKind};
use latent_lab::model::store::{WeightsError, weights_to_bytes};
use latent_lab::model::trained_file::{self, TrainedMeta};
use latent_lab::rng::{seeded, standard_normal_vec};
use latent_lab::train::gan::{GanTrainer, GanValues};

/// Flex's random initialisation is process-global: tests that initialise models take turns.
fn burn_rng() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn values(t: Tensor<2>) -> Vec<f32> {
    t.into_data().try_into_vec::<f32>().unwrap()
}

/// A batch of `n` real samples for `mode`: the toy's target, or pixels in [0, 1] for digits.
fn real_batch(settings: &GanSettings, mode: GanMode, n: usize, seed: u64) -> Vec<f32> {
    match mode {
        GanMode::Toy => settings.toy().sample(n, &mut seeded(seed)),
        GanMode::Digits => standard_normal_vec(&mut seeded(seed), n * latent_lab::PIXELS)
            .into_iter()
            .map(|v| 1.0 / (1.0 + (-v).exp()))
            .collect(),
    }
}

/// A trainer of `mode`'s default settings after `steps` steps on batches of 16, and its history.
fn trained(mode: GanMode, steps: usize) -> (GanTrainer, GanFileMeta) {
    let settings = GanSettings::default_for(mode);
    let mut trainer = GanTrainer::new(settings.config(mode), &Device::flex());
    let mut history = Vec::new();
    for s in 0..steps {
        let v = trainer
            .step(&real_batch(&settings, mode, 16, s as u64))
            .read();
        history.push(GanRecord {
            step: trainer.steps(),
            values: v,
        });
    }
    let meta = GanFileMeta {
        mode,
        settings,
        steps: trainer.steps(),
        history,
    };
    (trainer, meta)
}

fn file_of(trainer: &GanTrainer, meta: &GanFileMeta) -> Vec<u8> {
    gan_file::encode(meta, trainer.generator(), trainer.discriminator()).unwrap()
}

fn decode(bytes: &[u8]) -> Result<(GanFileMeta, Generator, Discriminator), GanFileError> {
    gan_file::decode(bytes, &Device::flex())
}

/// Offsets in a file: the description's length field, and where G's length field starts.
fn offsets(file: &[u8]) -> (usize, usize) {
    let json_len = u32::from_le_bytes(file[15..19].try_into().unwrap()) as usize;
    (15, 19 + json_len)
}

/// A file's description, G's SafeTensors and D's SafeTensors.
fn parts(file: &[u8]) -> (&[u8], &[u8], &[u8]) {
    let (len_at, g_at) = offsets(file);
    let g_len = u32::from_le_bytes(file[g_at..g_at + 4].try_into().unwrap()) as usize;
    let d_at = g_at + 4 + g_len;
    (
        &file[len_at + 4..g_at],
        &file[g_at + 4..d_at],
        &file[d_at..],
    )
}

/// Two SafeTensors files with the same header (as JSON: Burn writes its `__metadata__` map in
/// hash order, which differs between saves) and the same tensor bytes.
fn assert_same_weights(a: &[u8], b: &[u8]) {
    let split = |x: &[u8]| {
        let len = u64::from_le_bytes(x[..8].try_into().unwrap()) as usize;
        let header: serde_json::Value = serde_json::from_slice(&x[8..8 + len]).unwrap();
        (header, x[8 + len..].to_vec())
    };
    let ((ha, da), (hb, db)) = (split(a), split(b));
    assert_eq!(ha, hb, "SafeTensors headers");
    assert!(da == db, "the tensors' bytes differ");
}

#[test]
fn a_trained_gan_of_either_mode_comes_back_exactly() {
    let _burn = burn_rng();
    for mode in [GanMode::Toy, GanMode::Digits] {
        let (trainer, meta) = trained(mode, 3);
        // The trainer's players live on the autodiff device; their weights save identically.
        assert!(trainer.generator().output.weight.val().is_autodiff());
        assert_same_weights(
            &weights_to_bytes(trainer.generator()).unwrap(),
            &weights_to_bytes(&trainer.generator().valid()).unwrap(),
        );
        assert_same_weights(
            &weights_to_bytes(trainer.discriminator()).unwrap(),
            &weights_to_bytes(&trainer.discriminator().valid()).unwrap(),
        );
        let file = file_of(&trainer, &meta);
        let (back, g, d) = decode(&file).unwrap_or_else(|e| panic!("{mode:?}: {e}"));
        assert_eq!(back, meta, "{mode:?}");
        assert_eq!(back.history.len(), 3);

        let config = meta.settings.config(mode);
        let k = config.generator.noise;
        let noise = standard_normal_vec(&mut seeded(9), 10 * k);
        let z = Tensor::from_data(TensorData::new(noise.clone(), [10, k]), &Device::flex());
        assert_eq!(
            values(g.forward(z)),
            values(trainer.sample(&noise)),
            "{mode:?}: G's samples of the same noise"
        );
        let dim = config.discriminator.input;
        let x = real_batch(&meta.settings, mode, 10, 99);
        let logits = |d: &Discriminator| {
            values(d.logits(Tensor::from_data(
                TensorData::new(x.clone(), [10, dim]),
                &Device::flex(),
            )))
        };
        assert_eq!(
            logits(&d),
            logits(&trainer.discriminator().valid()),
            "{mode:?}: D's logits"
        );
        // Encoding the decoded GAN gives the same description and the same tensors.
        let again = gan_file::encode(&back, &g, &d).unwrap();
        let (a, b) = (parts(&file), parts(&again));
        assert_eq!(a.0, b.0, "{mode:?}");
        assert_same_weights(a.1, b.1);
        assert_same_weights(a.2, b.2);
    }
}

#[test]
fn a_resumed_trainer_trains_and_repeats_itself() {
    let _burn = burn_rng();
    let mode = GanMode::Toy;
    let (trainer, meta) = trained(mode, 5);
    let (back, g, d) = decode(&file_of(&trainer, &meta)).unwrap();
    let config = back.settings.config(mode);
    let resume = || {
        GanTrainer::from_models(
            config.clone(),
            g.clone(),
            d.clone(),
            back.steps,
            &Device::flex(),
        )
    };
    let mut a = resume();
    assert_eq!(a.steps(), 5);
    assert!(a.generator().output.weight.val().is_autodiff());
    // The same models, the same fixed noise: the grid continues where it was.
    assert_eq!(a.fixed_noise(), trainer.fixed_noise());
    assert_eq!(values(a.sample_fixed()), values(trainer.sample_fixed()));
    let before = (
        values(a.generator().output.weight.val().valid().unsqueeze()),
        values(a.discriminator().output.weight.val().valid().unsqueeze()),
    );
    let run = |t: &mut GanTrainer| -> Vec<GanValues> {
        (0..3)
            .map(|s| {
                t.step(&real_batch(&back.settings, mode, 16, 100 + s))
                    .read()
            })
            .collect()
    };
    let losses = run(&mut a);
    assert_eq!(a.steps(), 8);
    for v in &losses {
        assert!(
            [v.d_loss, v.g_loss, v.d_real, v.d_fake]
                .iter()
                .all(|x| x.is_finite()),
            "{v:?}"
        );
    }
    // Both players were updated.
    assert_ne!(
        values(a.generator().output.weight.val().valid().unsqueeze()),
        before.0
    );
    assert_ne!(
        values(a.discriminator().output.weight.val().valid().unsqueeze()),
        before.1
    );
    // Resuming the same file again gives the same run.
    assert_eq!(run(&mut resume()), losses);
}

#[test]
fn resuming_at_step_zero_is_a_new_run() {
    let _burn = burn_rng();
    let settings = GanSettings::default_for(GanMode::Toy);
    let config = settings.config(GanMode::Toy);
    let mut fresh = GanTrainer::new(config.clone(), &Device::flex());
    let mut resumed = GanTrainer::from_models(
        config,
        fresh.generator().valid(),
        fresh.discriminator().valid(),
        0,
        &Device::flex(),
    );
    for s in 0..3 {
        let real = real_batch(&settings, GanMode::Toy, 16, s);
        assert_eq!(fresh.step(&real).read(), resumed.step(&real).read());
    }
    assert_eq!(values(fresh.sample_fixed()), values(resumed.sample_fixed()));
}

#[test]
fn every_prefix_of_a_file_is_refused() {
    let _burn = burn_rng();
    let (trainer, meta) = trained(GanMode::Toy, 1);
    let file = file_of(&trainer, &meta);
    let d_at = file.len() - parts(&file).2.len();
    let start = std::time::Instant::now();
    for n in 0..file.len() {
        let err = decode(&file[..n]).expect_err("a prefix is refused");
        match (n, &err) {
            (0, GanFileError::NotAGan) => {}
            (n, GanFileError::Truncated) if n <= d_at => {}
            // Within D's block: its SafeTensors header or data ends early.
            (_, GanFileError::BadDiscriminator(WeightsError::Unreadable(_))) if n > d_at => {}
            _ => panic!("a prefix of {n} of {} bytes: {err:?}", file.len()),
        }
    }
    eprintln!(
        "{} prefixes refused in {:.1} s",
        file.len(),
        start.elapsed().as_secs_f64()
    );
    assert!(decode(&file).is_ok());
}

#[test]
fn foreign_and_other_version_files_are_named() {
    let _burn = burn_rng();
    let (trainer, meta) = trained(GanMode::Toy, 1);
    let file = file_of(&trainer, &meta);

    let mut flipped = file.clone();
    flipped[0] ^= 0x20;
    assert_eq!(decode(&flipped).unwrap_err(), GanFileError::NotAGan);
    assert_eq!(
        decode(b"{\"not\": \"a gan\"}").unwrap_err(),
        GanFileError::NotAGan
    );

    let mut version = file.clone();
    version[13..15].copy_from_slice(&9u16.to_le_bytes());
    assert_eq!(
        decode(&version).unwrap_err(),
        GanFileError::UnsupportedVersion(9)
    );

    // A model file of the training lab is recognised, so the advice can point there.
    let lab = LabConfig {
        kind: LabKind::Ae,
        hidden: vec![4],
        latent: 2,
        ..LabConfig::default()
    };
    let lab_file = trained_file::encode(
        &lab.init(&Device::flex()),
        &TrainedMeta {
            config: lab.clone(),
            history: Vec::<HistoryPoint>::new(),
        },
    )
    .unwrap();
    assert_eq!(decode(&lab_file).unwrap_err(), GanFileError::LabModel);
}

#[test]
fn a_description_out_of_range_or_contradicting_itself_is_refused() {
    let _burn = burn_rng();
    let (trainer, meta) = trained(GanMode::Toy, 2);
    let encode = |meta: &GanFileMeta| file_of(&trainer, meta);

    let mut no_noise = meta.clone();
    no_noise.settings.noise = 0;
    match decode(&encode(&no_noise)).unwrap_err() {
        GanFileError::BadSettings(why) => assert_eq!(why.key, "gan-bad-noise"),
        other => panic!("{other:?}"),
    }

    let mut backwards = meta.clone();
    backwards.history.swap(0, 1);
    assert!(matches!(
        decode(&encode(&backwards)).unwrap_err(),
        GanFileError::BadMeta(why) if why.contains("goes back")
    ));

    let mut beyond = meta.clone();
    beyond.steps = 1;
    assert!(matches!(
        decode(&encode(&beyond)).unwrap_err(),
        GanFileError::BadMeta(why) if why.contains("reaches step 2")
    ));

    // Saved while a toy target waits for its drawing: restorable, so it loads.
    let mut waiting = meta.clone();
    waiting.settings.target = ToyTarget::Drawn;
    assert!(decode(&encode(&waiting)).is_ok());

    // A description that is not the right JSON.
    let original = encode(&meta);
    let (len_at, g_at) = offsets(&original);
    let mut json: serde_json::Value = serde_json::from_slice(&original[len_at + 4..g_at]).unwrap();
    json["settings"]["noise"] = serde_json::json!("eight");
    let text = serde_json::to_vec(&json).unwrap();
    let mut damaged = original[..len_at].to_vec();
    damaged.extend_from_slice(&(text.len() as u32).to_le_bytes());
    damaged.extend_from_slice(&text);
    damaged.extend_from_slice(&original[g_at..]);
    assert!(matches!(
        decode(&damaged).unwrap_err(),
        GanFileError::BadMeta(_)
    ));
}

#[test]
fn weights_of_another_architecture_are_refused() {
    let _burn = burn_rng();
    let (trainer, meta) = trained(GanMode::Toy, 1);
    let other_d = DiscriminatorConfig::new(2, vec![32]).init(&Device::flex());
    let file = gan_file::encode(&meta, trainer.generator(), &other_d).unwrap();
    assert!(matches!(
        decode(&file).unwrap_err(),
        GanFileError::BadDiscriminator(WeightsError::Mismatch(_))
    ));
    // A toy GAN described as a digits one: G's weights do not fit the digits generator.
    let mut digits = meta.clone();
    digits.mode = GanMode::Digits;
    let file = file_of(&trainer, &digits);
    assert!(matches!(
        decode(&file).unwrap_err(),
        GanFileError::BadGenerator(WeightsError::Mismatch(_))
    ));
}

#[test]
fn a_diverged_history_is_kept() {
    let _burn = burn_rng();
    let (trainer, mut meta) = trained(GanMode::Toy, 1);
    meta.history[0].values.d_loss = f32::NAN;
    meta.history[0].values.g_loss = f32::INFINITY;
    let (back, _, _) = decode(&file_of(&trainer, &meta)).unwrap();
    assert!(back.history[0].values.d_loss.is_nan());
    assert_eq!(back.history[0].values.g_loss, f32::INFINITY);
    assert_eq!(back.history[0].values.d_fake, meta.history[0].values.d_fake);
}

#[test]
fn every_error_has_advice_in_both_languages() {
    let why = GanSettings {
        noise: 0,
        ..GanSettings::default_for(GanMode::Toy)
    }
    .validate(GanMode::Toy)
    .unwrap_err();
    let mismatch = WeightsError::Mismatch("shapes".into());
    let errors = [
        GanFileError::NotAGan,
        GanFileError::LabModel,
        GanFileError::UnsupportedVersion(9),
        GanFileError::Truncated,
        GanFileError::BadMeta("x".into()),
        GanFileError::BadSettings(why),
        GanFileError::BadGenerator(mismatch.clone()),
        GanFileError::BadDiscriminator(mismatch),
    ];
    for e in &errors {
        let advice = e.advice();
        for lang in Lang::ALL {
            let text = advice.in_lang(lang);
            assert_ne!(text, advice.key, "{e:?} in {lang:?}");
            assert!(!text.contains('{'), "{text}");
        }
        assert!(!e.to_string().is_empty());
    }
    let settings = errors[5].advice();
    assert!(
        settings
            .in_lang(Lang::Ro)
            .contains("dimensiunea zgomotului")
    );
    assert!(errors[2].advice().in_lang(Lang::En).contains("format 9"));
}
