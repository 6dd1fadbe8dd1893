//! Loading everything the app needs at start-up, with visible progress: the digits, the
//! pretrained models, the engines (with a WebGPU warm-up and a check that WebGPU agrees with the
//! CPU), then timing both engines so live drawing runs on the faster one.

use std::sync::Arc;

use burn::prelude::*;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::Backend;
use super::models::ModelSet;
use super::resources::{AGREEMENT_TOLERANCE, EngineReport, Resources, report_fallback};
use super::webgpu::init_webgpu;
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
            resources.set(Some(Arc::new(loaded)));
            state.set(LoadState::Ready);
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
    let manifest = parse_manifest(&fetch_text(&format!("pretrained/{name}.json")).await?)?;
    let weights = fetch_bytes(&format!("pretrained/{}", manifest.weights)).await?;
    Ok((manifest, weights))
}

/// The downloaded manifest and weights of every shipped model, in `Shipped::ALL` order.
struct ModelFiles(Vec<(Manifest, Vec<u8>)>);

impl ModelFiles {
    async fn download() -> Result<Self, String> {
        let mut files = Vec::new();
        for model in Shipped::ALL {
            files.push(load_model_files(model.name()).await?);
        }
        Ok(Self(files))
    }

    fn get(&self, model: Shipped) -> &(Manifest, Vec<u8>) {
        let k = Shipped::ALL
            .iter()
            .position(|&m| m == model)
            .expect("one of ALL");
        &self.0[k]
    }

    /// Builds every model on `device` from the same bytes.
    fn build(&self, device: &Device) -> Result<Arc<ModelSet>, String> {
        let ae = |model| {
            let (m, w) = self.get(model);
            load_autoencoder(m, w.clone(), device).map_err(|e| format!("{}: {e}", m.name))
        };
        let vae = |model| {
            let (m, w) = self.get(model);
            load_vae(m, w.clone(), device).map_err(|e| format!("{}: {e}", m.name))
        };
        Ok(Arc::new(ModelSet {
            device: device.clone(),
            ae: ae(Shipped::Ae16)?,
            vae: vae(Shipped::Vae16)?,
            dae: ae(Shipped::Dae16)?,
            inpaint: ae(Shipped::Inpaint16)?,
            ae2: ae(Shipped::Ae2)?,
            vae2: vae(Shipped::Vae2)?,
        }))
    }
}

async fn load_all(state: RwSignal<LoadState>) -> Result<Resources, String> {
    step(state, tk("load-digits"), 0.05).await;
    let data =
        Dataset::decode(&fetch_bytes("static/mnist.bin").await?).map_err(|e| e.to_string())?;

    step(state, tk("load-models"), 0.25).await;
    let files = ModelFiles::download().await?;

    step(state, tk("load-cpu"), 0.4).await;
    let cpu = files.build(&Device::flex())?;
    let check: Vec<usize> = (0..CHECK_DIGITS.min(data.test.len())).collect();
    let check_images = data.test.batch(&check);
    let cpu_outputs = cpu.run_all(&check_images).await?;

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
                let diff = set.run_all(&check_images).await?.max_abs_diff(&cpu_outputs);
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
    let manifests = files.0.into_iter().map(|(m, _)| m).collect();
    Ok(Resources::new(data, manifests, cpu, gpu, engine))
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
