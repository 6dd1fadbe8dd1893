//! The training lab's models: penalties against hand-computed values and finite differences, every
//! kind learns, and exported files import back exactly or are refused with the right error.

use burn::prelude::*;
use latent_lab::{
    PIXELS,
    data::Dataset,
    i18n::Lang,
    model::lab::{
        Activation, LabConfig, LabKind, contractive_penalty, kl_sparsity_penalty, l1_penalty,
    },
    model::trained_file::{TrainedFileError, TrainedMeta, decode, encode},
    train::lab::{HistoryPoint, LabTrainer},
};

fn t2(rows: Vec<Vec<f32>>) -> Tensor<2> {
    let (r, c) = (rows.len(), rows[0].len());
    Tensor::from_data(TensorData::new(rows.concat(), [r, c]), &Device::flex())
}

fn value(t: Tensor<1>) -> f64 {
    t.into_scalar::<f32>() as f64
}

fn values(t: Tensor<2>) -> Vec<f32> {
    t.into_data().try_into_vec::<f32>().unwrap()
}

#[test]
fn l1_penalty_by_hand() {
    // Σ|h| per image: 3 and 3; mean 3; λ = 0.5.
    assert!((value(l1_penalty(t2(vec![vec![1.0, -2.0], vec![0.0, 3.0]]), 0.5)) - 1.5).abs() < 1e-6);
}

#[test]
fn kl_sparsity_penalty_by_hand() {
    // Column means ρ̂ = (0.2, 0.5); ρ = 0.1.
    let code = t2(vec![vec![0.1, 0.4], vec![0.3, 0.6]]);
    let kl = |r: f64, h: f64| r * (r / h).ln() + (1.0 - r) * ((1.0 - r) / (1.0 - h)).ln();
    let expected = 2.0 * (kl(0.1, 0.2) + kl(0.1, 0.5));
    assert!((value(kl_sparsity_penalty(code, 0.1, 2.0)) - expected).abs() < 1e-5);
    // No penalty when every unit already has the target activation.
    assert!(value(kl_sparsity_penalty(t2(vec![vec![0.1, 0.1]]), 0.1, 1.0)).abs() < 1e-6);
}

#[test]
fn contractive_penalty_matches_a_finite_difference_jacobian() {
    let device = Device::flex();
    device.seed(5);
    let config = LabConfig {
        kind: LabKind::Contractive { lambda: 1.0 },
        latent: 6,
        ..Default::default()
    };
    let model = config.init(&device);
    let x: Vec<f32> = (0..PIXELS).map(|i| ((i * 31) % 97) as f32 / 96.0).collect();
    let input = |v: Vec<f32>| Tensor::<2>::from_data(TensorData::new(v, [1, PIXELS]), &device);
    let code = model.encode(input(x.clone()));
    let penalty = value(contractive_penalty(
        code.clone(),
        model.code.weight.val(),
        1.0,
    ));
    // ‖∂h/∂x‖²_F by central differences, one input pixel at a time.
    let step = 1e-2f32;
    let mut frobenius = 0.0f64;
    for i in 0..PIXELS {
        let (mut up, mut down) = (x.clone(), x.clone());
        up[i] += step;
        down[i] -= step;
        let (hu, hd) = (
            values(model.encode(input(up))),
            values(model.encode(input(down))),
        );
        frobenius += hu
            .iter()
            .zip(&hd)
            .map(|(a, b)| (((a - b) / (2.0 * step)) as f64).powi(2))
            .sum::<f64>();
    }
    assert!(
        (penalty - frobenius).abs() / frobenius < 1e-2,
        "closed form {penalty} vs finite differences {frobenius}"
    );
}

fn kinds() -> Vec<LabKind> {
    vec![
        LabKind::Ae,
        LabKind::Vae { beta: 1.0 },
        LabKind::Denoising { sigma: 0.3 },
        LabKind::SparseL1 { lambda: 0.01 },
        LabKind::SparseKl {
            rho: 0.05,
            lambda: 0.5,
        },
        LabKind::Contractive { lambda: 0.1 },
        LabKind::Linear,
    ]
}

#[test]
fn every_kind_lowers_its_loss_in_a_short_run() {
    let data = Dataset::load_bundled().unwrap();
    let subset: Vec<usize> = (0..256).collect();
    for kind in kinds() {
        let config = LabConfig {
            kind: kind.clone(),
            hidden: vec![64],
            latent: 8,
            learning_rate: 3e-3,
            ..Default::default()
        };
        let mut trainer = LabTrainer::new(config, &Device::flex());
        let (mut first, mut last) = (None, 0.0);
        for _ in 0..5 {
            for batch in subset.chunks(32) {
                let l = trainer
                    .step(&data.train.batch(batch))
                    .total
                    .into_scalar::<f32>();
                assert!(l.is_finite(), "{kind:?}: loss {l}");
                first.get_or_insert(l);
                last = l;
            }
        }
        assert!(last < 0.8 * first.unwrap(), "{kind:?}: {first:?} → {last}");
    }
}

fn trained() -> (LabTrainer, TrainedMeta) {
    let data = Dataset::load_bundled().unwrap();
    let config = LabConfig {
        kind: LabKind::Vae { beta: 2.0 },
        hidden: vec![32],
        latent: 3,
        activation: Activation::Tanh,
        ..Default::default()
    };
    let mut trainer = LabTrainer::new(config.clone(), &Device::flex());
    let l = trainer
        .step(&data.train.batch(&[0, 1, 2, 3]))
        .total
        .into_scalar::<f32>();
    let history = vec![HistoryPoint {
        step: 1,
        epoch: 0,
        train_total: l,
        train_reconstruction: l,
        train_kl: Some(0.1),
        train_penalty: None,
        test_total: None,
    }];
    (trainer, TrainedMeta { config, history })
}

#[test]
fn export_then_import_gives_identical_outputs() {
    let data = Dataset::load_bundled().unwrap();
    let (trainer, meta) = trained();
    let bytes = encode(trainer.model(), &meta).unwrap();
    let device = Device::flex();
    let (model, read_meta) = decode(&bytes, &device).unwrap();
    assert_eq!(read_meta, meta);
    let x = Tensor::<2>::from_data(
        TensorData::new(data.test.batch(&[5, 6]), [2, PIXELS]),
        &device,
    );
    let original = trainer.model().clone().valid();
    let x_orig = Tensor::<2>::from_data(
        TensorData::new(data.test.batch(&[5, 6]), [2, PIXELS]),
        &original.code.weight.device(),
    );
    assert_eq!(
        values(model.reconstruct(x)),
        values(original.reconstruct(x_orig))
    );
}

#[test]
fn bad_files_are_refused_with_the_right_error() {
    let (trainer, meta) = trained();
    let bytes = encode(trainer.model(), &meta).unwrap();
    let device = Device::flex();
    let err = |b: &[u8]| decode(b, &device).expect_err("refused");

    assert_eq!(err(b"{\"some\": \"json\"}"), TrainedFileError::NotAModel);
    assert_eq!(err(&bytes[..18]), TrainedFileError::Truncated);
    assert_eq!(
        err(&bytes[..bytes.len() / 2]
            .iter()
            .copied()
            .take(40)
            .collect::<Vec<_>>()),
        TrainedFileError::Truncated
    );
    let mut other_version = bytes.clone();
    other_version[15] = 9;
    assert_eq!(err(&other_version), TrainedFileError::UnsupportedVersion(9));
    let truncated_weights = &bytes[..bytes.len() - 100];
    assert!(
        matches!(err(truncated_weights), TrainedFileError::BadWeights(_)),
        "{:?}",
        err(truncated_weights)
    );

    // A description that no longer matches the weights: another latent size, another kind.
    let retag = |edit: &dyn Fn(&mut TrainedMeta)| {
        let mut m = meta.clone();
        edit(&mut m);
        let json = serde_json::to_vec(&m).unwrap();
        let old_len = u32::from_le_bytes(bytes[17..21].try_into().unwrap()) as usize;
        let mut out = bytes[..17].to_vec();
        out.extend_from_slice(&(json.len() as u32).to_le_bytes());
        out.extend_from_slice(&json);
        out.extend_from_slice(&bytes[21 + old_len..]);
        out
    };
    assert!(matches!(
        err(&retag(&|m| m.config.latent = 4)),
        TrainedFileError::BadWeights(_)
    ));
    assert!(matches!(
        err(&retag(&|m| m.config.kind = LabKind::Ae)),
        TrainedFileError::BadWeights(_)
    ));
    assert!(matches!(
        err(&retag(&|m| m.config.latent = 5000)),
        TrainedFileError::BadConfig(_)
    ));
    let mut garbled = bytes.clone();
    garbled[22] = b'#';
    assert!(matches!(err(&garbled), TrainedFileError::BadDescription(_)));
}

#[test]
fn parameters_copy_to_another_device_exactly() {
    let (trainer, _) = trained();
    let device = Device::flex();
    let copy = pollster::block_on(latent_lab::model::host_copy::copy_parameters(
        trainer.model(),
        trainer.config.init(&device),
    ))
    .unwrap();
    let original = trainer.model().clone().valid();
    let x =
        |d: &Device| Tensor::<2>::from_data(TensorData::new(vec![0.3; 2 * PIXELS], [2, PIXELS]), d);
    assert_eq!(
        values(copy.reconstruct(x(&device))),
        values(original.reconstruct(x(&original.code.weight.device())))
    );
    let other = LabConfig {
        latent: 4,
        ..trainer.config.clone()
    }
    .init(&device);
    assert!(
        pollster::block_on(latent_lab::model::host_copy::copy_parameters(
            trainer.model(),
            other
        ))
        .is_err()
    );
}

#[test]
fn hidden_widths_parse_from_a_typed_list() {
    use latent_lab::model::lab::parse_hidden;
    assert_eq!(parse_hidden("256, 64"), Ok(vec![256, 64]));
    assert_eq!(parse_hidden(" "), Ok(vec![]));
    assert_eq!(parse_hidden("256,,32"), Ok(vec![256, 32]));
    assert!(parse_hidden("256, x").unwrap_err().contains("x"));
}

#[test]
fn every_file_error_tells_the_student_what_to_do() {
    let (trainer, meta) = trained();
    let bytes = encode(trainer.model(), &meta).unwrap();
    let device = Device::flex();
    let err = |b: &[u8]| decode(b, &device).expect_err("refused");
    // The advice is a translated message: read in English here, and it exists in Romanian too.
    let advice = |e: &TrainedFileError| e.advice().in_lang(Lang::En);
    let not_a_model = advice(&err(b"hello, not a model"));
    assert!(
        not_a_model.contains("not a Latent Lab model file"),
        "{not_a_model}"
    );
    assert!(
        err(b"hello, not a model")
            .advice()
            .in_lang(Lang::Ro)
            .contains("nu este un fișier de model")
    );
    let cut = err(&bytes[..bytes.len() - 500]);
    assert!(advice(&cut).contains("weights") && advice(&cut).contains("export the model again"));
    assert!(
        cut.to_string().len() > 10,
        "the technical detail stays available: {cut}"
    );
    let mut other_version = bytes.clone();
    other_version[15] = 9;
    assert!(advice(&err(&other_version)).contains("another version"));
}
