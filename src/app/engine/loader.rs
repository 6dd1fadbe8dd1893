//! Loading what the first view needs at start-up, with visible progress: the test digits and the
//! draw view's AE and VAE (downloaded side by side), the engines (with a WebGPU warm-up and a check
//! that WebGPU agrees with the CPU), then timing both engines so live drawing runs on the faster
//! one. The other views' models (`late`) and the training digits (`training_digits`) follow in
//! the background.

use std::sync::Arc;

use burn::prelude::*;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::late;
use super::models::ModelSet;
use super::resources::{AGREEMENT_TOLERANCE, Digits, EngineReport, Resources, report_fallback};
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

#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// `step` is the translation key of what is being done.
    Loading {
        step: &'static str,
        progress: f32,
    },
    Ready,
    /// What failed, in technical words (the panel says what to do in the student's language).
    Error(String),
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
            late::load_all(loaded);
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
pub async fn load_model_files(name: &str) -> Result<(Manifest, Vec<u8>), String> {
    let manifest = parse_manifest(&fetch_text(&format!("pretrained/{name}.json")).await?)
        .map_err(|e| e.to_string())?;
    let weights = fetch_bytes(&format!("pretrained/{}", manifest.weights)).await?;
    Ok((manifest, weights))
}

/// The downloaded manifests and weights of the models the draw view needs.
struct ModelFiles(PerFamily<(Manifest, Vec<u8>)>);

impl ModelFiles {
    /// Builds the AE and the VAE on `device` from the same bytes.
    fn build(&self, device: &Device) -> Result<Arc<ModelSet>, String> {
        let (m, w) = &self.0.ae;
        let ae = load_autoencoder(m, w.clone(), device).map_err(|e| format!("{}: {e}", m.name))?;
        let (m, w) = &self.0.vae;
        let vae = load_vae(m, w.clone(), device).map_err(|e| format!("{}: {e}", m.name))?;
        Ok(Arc::new(ModelSet::new(device.clone(), ae, vae)))
    }
}

/// Largest per-pixel difference between two engines' AE and VAE reconstructions.
fn families_diff(a: &PerFamily<Vec<f32>>, b: &PerFamily<Vec<f32>>) -> f32 {
    Family::ALL
        .iter()
        .map(|&f| max_abs_diff(&a[f], &b[f]))
        .fold(0.0, f32::max)
}

async fn load_all(state: RwSignal<LoadState>) -> Result<Resources, String> {
    step(state, tk("load-downloads"), 0.05).await;
    let (data, ae, vae) = futures::join!(
        fetch_bytes("static/mnist-test.bin"),
        load_model_files(Shipped::Ae16.name()),
        load_model_files(Shipped::Vae16.name()),
    );
    let (test, seed) = Dataset::decode_test_file(&data?).map_err(|e| e.to_string())?;
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
                Ok::<_, String>((set, diff))
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
async fn time_single(pair: &Arc<ModelSet>, image: &[f32]) -> Result<f64, String> {
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
