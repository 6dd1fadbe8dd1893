//! Loading what the first view needs at start-up, with visible progress: the test digits and the
//! draw view's AE and VAE (downloaded side by side), the engines (with a WebGPU warm-up and a check
//! that WebGPU agrees with the CPU), then timing both engines so live drawing runs on the faster
//! one. Then, in the background, the other views' models (`late`) and the training digits
//! (`training_digits`), each into its slot; a view's "Retry" downloads one again.

use std::sync::Arc;

use burn::prelude::*;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::error::EngineError;
use super::late::{LATE, SlotState};
use super::models::ModelSet;
use super::report::{AGREEMENT_TOLERANCE, EngineReport, report_fallback};
use super::resources::{Digits, Resources};
use super::training_digits::TrainingDigits;
use super::webgpu::init_webgpu;
use super::{Backend, Family, PerFamily};
use crate::analysis::metrics::max_abs_diff;
use crate::app::web::fetch::{fetch_bytes, fetch_text};
use crate::app::web::now_ms;
use crate::data::Dataset;
use crate::i18n::{Arg, Text, num, tk};
use crate::model::manifest::Manifest;
use crate::model::pretrained::{Shipped, load_autoencoder, load_vae, parse_manifest};

/// Test digits used to warm up and cross-check the engines.
const CHECK_DIGITS: usize = 16;

const TRAIN_FILE: &str = "static/mnist-train.bin";

#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// `step` is the translation key of what is being done.
    Loading {
        step: &'static str,
        progress: f32,
    },
    Ready,
    /// What failed, in technical words (the panel says what to do in the student's language).
    Error(EngineError),
}

impl LoadState {
    pub fn starting() -> Self {
        Self::Loading {
            step: tk("load-starting"),
            progress: 0.0,
        }
    }

    /// The app root's `data-state`.
    pub fn attribute(&self) -> &'static str {
        match self {
            Self::Loading { .. } => "loading",
            Self::Ready => "ready",
            Self::Error(_) => "error",
        }
    }
}

/// Loads everything, reporting progress in `state`, and stores the result in `resources`.
pub async fn load(state: RwSignal<LoadState>, resources: RwSignal<Option<Arc<Resources>>>) {
    match load_all(state).await {
        Ok(loaded) => {
            let loaded = Arc::new(loaded);
            resources.set(Some(loaded.clone()));
            state.set(LoadState::Ready);
            load_after_start(loaded);
        }
        Err(message) => {
            log::warn!("loading failed: {message}");
            state.set(LoadState::Error(message));
        }
    }
}

async fn step(state: RwSignal<LoadState>, step: &'static str, progress: f32) {
    state.set(LoadState::Loading { step, progress });
    // Let the browser paint the progress before the next piece of work.
    TimeoutFuture::new(0).await;
}

/// A shipped model's manifest and weights, downloaded.
pub async fn load_model_files(name: &str) -> Result<(Manifest, Vec<u8>), EngineError> {
    let manifest = parse_manifest(&fetch_text(&format!("pretrained/{name}.json")).await?)
        .map_err(|e| EngineError::BadFile(e.to_string()))?;
    let weights = fetch_bytes(&format!("pretrained/{}", manifest.weights)).await?;
    Ok((manifest, weights))
}

/// The downloaded manifests and weights of the models the draw view needs.
struct ModelFiles(PerFamily<(Manifest, Vec<u8>)>);

impl ModelFiles {
    /// Builds the AE and the VAE on `device` from the same bytes.
    fn build(&self, device: &Device) -> Result<Arc<ModelSet>, EngineError> {
        let (m, w) = &self.0.ae;
        let ae = load_autoencoder(m, w.clone(), device).map_err(|e| bad_weights(m, e))?;
        let (m, w) = &self.0.vae;
        let vae = load_vae(m, w.clone(), device).map_err(|e| bad_weights(m, e))?;
        Ok(Arc::new(ModelSet::new(device.clone(), ae, vae)))
    }
}

/// Weights that do not fit their manifest, named after the model.
fn bad_weights(manifest: &Manifest, why: impl std::fmt::Display) -> EngineError {
    EngineError::BadFile(format!("{}: {why}", manifest.name))
}

/// Largest per-pixel difference between two engines' AE and VAE reconstructions.
fn families_diff(a: &PerFamily<Vec<f32>>, b: &PerFamily<Vec<f32>>) -> f32 {
    Family::ALL
        .iter()
        .map(|&f| max_abs_diff(&a[f], &b[f]))
        .fold(0.0, f32::max)
}

async fn load_all(state: RwSignal<LoadState>) -> Result<Resources, EngineError> {
    step(state, tk("load-downloads"), 0.05).await;
    let (data, ae, vae) = futures::join!(
        fetch_bytes("static/mnist-test.bin"),
        load_model_files(Shipped::Ae16.name()),
        load_model_files(Shipped::Vae16.name()),
    );
    let (test, seed) =
        Dataset::decode_test_file(&data?).map_err(|e| EngineError::BadFile(e.to_string()))?;
    let data = Digits {
        test,
        train: TrainingDigits::new(seed),
    };
    let files = ModelFiles(PerFamily { ae: ae?, vae: vae? });

    step(state, tk("load-cpu"), 0.4).await;
    let cpu = files.build(&Device::flex())?;
    let check: Vec<usize> = (0..CHECK_DIGITS.min(data.test.len())).collect();
    let check_images = data.test.batch(&check);
    let cpu_outputs = cpu.reconstruct_both(&check_images).await?;

    step(state, tk("load-webgpu"), 0.5).await;
    let mut reason = Text::new("engine-starting");
    let mut gpu = None;
    let mut max_diff = None;
    let mut offered = false;
    // Created before WebGPU starts, so a device lost at any time can report it.
    let engine = RwSignal::new(EngineReport::starting());
    match init_webgpu(move |why| report_fallback(engine, why)).await {
        Err(why) => reason = why,
        Ok(webgpu) => {
            offered = true;
            step(state, tk("load-kernels"), 0.6).await;
            let checked = async {
                let set = files.build(&webgpu.device)?;
                let diff = families_diff(&set.reconstruct_both(&check_images).await?, &cpu_outputs);
                Ok::<_, EngineError>((set, diff))
            }
            .await;
            match checked {
                Err(why) => reason = Text::new("webgpu-failed-first-use").with("why", why),
                Ok(_) if !webgpu.is_healthy() => reason = Text::new("webgpu-device-error"),
                Ok((_, diff)) if diff.is_nan() || diff > AGREEMENT_TOLERANCE => {
                    reason = Text::new("webgpu-disagrees").with("diff", format!("{diff:.2e}"));
                    max_diff = Some(diff);
                }
                Ok((pair, diff)) => {
                    max_diff = Some(diff);
                    gpu = Some((webgpu, pair));
                }
            }
        }
    }

    step(state, tk("load-timing"), 0.85).await;
    let single = data.test.image(0);
    let cpu_ms = time_single(&cpu, &single).await?;
    let mut gpu_ms = None;
    if let Some((webgpu, pair)) = &gpu {
        match time_single(pair, &single).await {
            Ok(ms) if webgpu.is_healthy() => gpu_ms = Some(ms),
            Ok(_) => reason = Text::new("webgpu-lost-at-start"),
            Err(why) => reason = Text::new("webgpu-failed-first-use").with("why", why),
        }
    }
    if gpu_ms.is_none() {
        gpu = None;
    }
    let (backend, live) = match gpu_ms {
        None => (Backend::Cpu, Backend::Cpu),
        Some(g) if g < cpu_ms => (Backend::WebGpu, Backend::WebGpu),
        Some(_) => (Backend::WebGpu, Backend::Cpu),
    };
    if let (Some(g), Some((webgpu, _))) = (gpu_ms, &gpu) {
        let key = if live == Backend::WebGpu {
            tk("engine-gpu-faster")
        } else {
            tk("engine-cpu-faster-for-one")
        };
        let adapter = match &webgpu.adapter {
            Some(name) => Arg::Str(name.clone()),
            None => Text::new("webgpu-adapter-hidden").into(),
        };
        reason = Text::new(key)
            .with("adapter", adapter)
            .with("gpu", num(g, 1))
            .with("cpu", num(cpu_ms, 1));
    }
    engine.set(EngineReport {
        backend,
        live,
        reason,
        cpu_ms,
        gpu_ms,
        max_diff,
        offered,
    });
    let manifests = PerFamily {
        ae: files.0.ae.0,
        vae: files.0.vae.0,
    };
    Ok(Resources::new(
        data,
        manifests,
        check_images,
        cpu,
        gpu,
        engine,
    ))
}

/// Median time of a few single-image reconstructions, after one untimed warm-up.
async fn time_single(pair: &Arc<ModelSet>, image: &[f32]) -> Result<f64, EngineError> {
    pair.reconstruct_both(image).await?;
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = now_ms();
        pair.reconstruct_both(image).await?;
        times.push(now_ms() - start);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

/// Starts every download at once (the training digits and these models), each in its own task,
/// once the first view has been put on the page (after the tasks that update it).
pub fn load_after_start(resources: Arc<Resources>) {
    leptos::task::spawn_local(async move {
        TimeoutFuture::new(0).await;
        leptos::task::spawn_local(load_training_digits(resources.clone()));
        for model in LATE {
            leptos::task::spawn_local(load_late_model(resources.clone(), model));
        }
    });
}

/// Downloads `model`, builds it on each engine and marks its slot ready, or failed with the
/// reason. Called once at start-up and again by a view's "Retry".
pub async fn load_late_model(resources: Arc<Resources>, model: Shipped) {
    let slot = resources.late_slot(model);
    slot.try_set(SlotState::Loading(0.0));
    let outcome = download_and_build(&resources, model, |p| {
        slot.try_set(SlotState::Loading(p));
    })
    .await;
    match outcome {
        Ok(()) => slot.try_set(SlotState::Ready),
        Err(why) => {
            log::warn!("loading {} failed: {why}", model.name());
            slot.try_set(SlotState::Failed(why))
        }
    };
}

async fn download_and_build(
    resources: &Resources,
    model: Shipped,
    progress: impl Fn(f32),
) -> Result<(), EngineError> {
    let name = model.name();
    let manifest = parse_manifest(&fetch_text(&format!("pretrained/{name}.json")).await?)
        .map_err(|e| EngineError::BadFile(e.to_string()))?;
    progress(0.05);
    // The whole body in one `arrayBuffer()`, which the browser fills on its own: read chunk by
    // chunk for a byte count, a download stayed open while the page was busy with WebGPU (and a
    // reload then cut it off), so the progress moves in steps instead.
    let weights = fetch_bytes(&format!("pretrained/{}", manifest.weights)).await?;
    progress(0.8);
    // A model downloaded again after a retry is already in the sets that built it.
    let cpu = resources.cpu_models();
    if !cpu.has(model) {
        add(cpu, model, &manifest, weights.clone())?;
    }
    progress(0.9);
    if let Some((gpu, set)) = resources.gpu_models()
        && gpu.is_healthy()
        && !set.has(model)
    {
        // WebGPU must agree with the CPU on this model too, as on the start-up ones.
        let checked = async {
            add(set, model, &manifest, weights)?;
            let on_gpu = set
                .reconstruct_with(model, resources.check_images())
                .await?;
            let on_cpu = cpu
                .reconstruct_with(model, resources.check_images())
                .await?;
            Ok::<_, EngineError>(max_abs_diff(&on_gpu, &on_cpu))
        }
        .await;
        match checked {
            Err(why) => resources.fall_back_to_cpu(Text::new("webgpu-failed").with("why", why)),
            Ok(diff) if diff.is_nan() || diff > AGREEMENT_TOLERANCE => resources.fall_back_to_cpu(
                Text::new("webgpu-disagrees").with("diff", format!("{diff:.2e}")),
            ),
            Ok(_) => {}
        }
    }
    resources.late().keep_manifest(model, manifest);
    Ok(())
}

/// Builds `model` on `set`'s device from the downloaded bytes and puts it in its place.
fn add(
    set: &ModelSet,
    model: Shipped,
    manifest: &Manifest,
    weights: Vec<u8>,
) -> Result<(), EngineError> {
    let device = &set.device;
    let ae =
        |weights| load_autoencoder(manifest, weights, device).map_err(|e| bad_weights(manifest, e));
    let twice = |_| EngineError::Compute(format!("{} was built twice", manifest.name));
    match model {
        Shipped::Dae16 => set.dae.set(ae(weights)?).map_err(twice),
        Shipped::Inpaint16 => set.inpaint.set(ae(weights)?).map_err(twice),
        Shipped::Ae2 => set.ae2.set(ae(weights)?).map_err(twice),
        Shipped::Vae2 => {
            let vae = load_vae(manifest, weights, device).map_err(|e| bad_weights(manifest, e))?;
            set.vae2
                .set(vae)
                .map_err(|_| EngineError::Compute(format!("{} was built twice", manifest.name)))
        }
        _ => Err(EngineError::Compute(format!(
            "{} is loaded at start-up",
            model.name()
        ))),
    }
}

/// Downloads and checks the training digits, unless they are already there. Called once after
/// the first view appears and again by "Retry".
pub async fn load_training_digits(resources: Arc<Resources>) {
    let digits = resources.training_digits();
    if digits.get().is_some() {
        return;
    }
    digits.state().try_set(SlotState::Loading(0.0));
    let outcome = async {
        let bytes = fetch_bytes(TRAIN_FILE).await?;
        Dataset::decode_train_file(&bytes, digits.seed())
            .map_err(|e| EngineError::BadFile(e.to_string()))
    }
    .await;
    match outcome {
        Ok(split) => digits.arrived(split),
        Err(why) => {
            log::warn!("loading the training digits failed: {why}");
            digits.state().try_set(SlotState::Failed(why));
        }
    }
}
