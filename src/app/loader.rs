//! Loading everything the app needs, with visible progress: the digits, the pretrained models, the
//! engines (with a WebGPU warm-up and a check that WebGPU agrees with the CPU), then timing both
//! engines so live drawing runs on the faster one.

use std::sync::Arc;

use burn::prelude::*;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::engine::{Backend, GpuEngine, init_webgpu, now_ms};
use super::fetch::{fetch_bytes, fetch_text};
use super::inference::{ModelSet, Outputs, Reconstruction};
use crate::data::Dataset;
use crate::model::manifest::Manifest;
use crate::model::pretrained::{
    AE_16, DAE_16, INPAINT_16, VAE_16, load_autoencoder, load_vae, parse_manifest,
};

/// WebGPU and CPU results may differ by rounding only; more than this means a broken kernel.
pub const AGREEMENT_TOLERANCE: f32 = 1e-3;
/// Test digits used to warm up and cross-check the engines.
const CHECK_DIGITS: usize = 16;

#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading { step: String, progress: f32 },
    Ready,
    Error(String),
}

impl LoadState {
    pub fn starting() -> Self {
        Self::Loading {
            step: "Starting".into(),
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

/// What the engine badge reports; it changes if the WebGPU device is lost.
#[derive(Clone, Debug, PartialEq)]
pub struct EngineReport {
    /// WebGPU when a WebGPU device is in use, else CPU.
    pub backend: Backend,
    /// The engine live drawing runs on.
    pub live: Backend,
    /// Why this choice, in one sentence.
    pub reason: String,
    /// Median milliseconds for one single-image reconstruction (AE + VAE) per engine.
    pub cpu_ms: f64,
    pub gpu_ms: Option<f64>,
    /// Largest per-pixel difference between WebGPU and CPU reconstructions of the check digits.
    pub max_diff: Option<f32>,
}

/// Everything loaded: data, models on each engine, and the engine report.
pub struct Loaded {
    pub data: Dataset,
    pub ae_manifest: Manifest,
    pub vae_manifest: Manifest,
    pub dae_manifest: Manifest,
    pub inpaint_manifest: Manifest,
    pub cpu: ModelSet,
    pub gpu: Option<(GpuEngine, ModelSet)>,
    pub engine: RwSignal<EngineReport>,
}

impl Loaded {
    /// The models on `backend`, falling back to the CPU when WebGPU is missing or unhealthy.
    pub fn models(&self, backend: Backend) -> (&ModelSet, Backend) {
        match (&self.gpu, backend) {
            (Some((gpu, pair)), Backend::WebGpu) if gpu.is_healthy() => (pair, Backend::WebGpu),
            _ => (&self.cpu, Backend::Cpu),
        }
    }

    /// Runs every model on `images` on `wanted` (falling back to the CPU if WebGPU fails), and
    /// says which engine ran.
    pub async fn run_all_on(
        &self,
        wanted: Backend,
        images: &[f32],
    ) -> Result<(Outputs, Backend), String> {
        let (models, engine) = self.models(wanted);
        match models.run_all(images).await {
            Err(why) if engine == Backend::WebGpu => {
                self.fall_back_to_cpu(&format!("WebGPU failed ({why})"));
                Ok((self.cpu.run_all(images).await?, Backend::Cpu))
            }
            result => Ok((result?, engine)),
        }
    }

    /// The draw view's reconstruction on `wanted`, with the same fallback.
    pub async fn reconstruct_on(
        &self,
        wanted: Backend,
        image: &[f32],
    ) -> Result<(Reconstruction, Backend), String> {
        let (models, engine) = self.models(wanted);
        match models.reconstruct(image).await {
            Err(why) if engine == Backend::WebGpu => {
                self.fall_back_to_cpu(&format!("WebGPU failed ({why})"));
                Ok((self.cpu.reconstruct(image).await?, Backend::Cpu))
            }
            result => Ok((result?, engine)),
        }
    }

    /// The engine for batch work: WebGPU whenever it is in use.
    pub fn batch_engine(&self) -> Backend {
        self.engine.with_untracked(|r| r.backend)
    }

    /// Records that WebGPU failed and moves everything to the CPU engine, saying why.
    pub fn fall_back_to_cpu(&self, why: &str) {
        if let Some((gpu, _)) = &self.gpu {
            gpu.mark_broken();
        }
        report_fallback(self.engine, why);
    }
}

/// Switches the engine report to the CPU, keeping the first reason given.
fn report_fallback(engine: RwSignal<EngineReport>, why: &str) {
    if engine.with_untracked(|r| r.backend == Backend::Cpu && r.gpu_ms.is_none()) {
        return;
    }
    engine.update(|r| {
        r.backend = Backend::Cpu;
        r.live = Backend::Cpu;
        r.gpu_ms = None;
        r.reason = format!("{why}: switched to the CPU engine");
    });
}

/// Loads everything, reporting progress in `state`, and stores the result in `lab`.
pub async fn load(state: RwSignal<LoadState>, lab: RwSignal<Option<Arc<Loaded>>>) {
    match load_all(state).await {
        Ok(loaded) => {
            lab.set(Some(Arc::new(loaded)));
            state.set(LoadState::Ready);
        }
        Err(message) => {
            log::warn!("loading failed: {message}");
            state.set(LoadState::Error(message));
        }
    }
}

async fn step(state: RwSignal<LoadState>, step: &str, progress: f32) {
    state.set(LoadState::Loading {
        step: step.into(),
        progress,
    });
    // Let the browser paint the progress before the next piece of work.
    TimeoutFuture::new(0).await;
}

async fn load_model_files(name: &str) -> Result<(Manifest, Vec<u8>), String> {
    let manifest = parse_manifest(&fetch_text(&format!("pretrained/{name}.json")).await?)?;
    let weights = fetch_bytes(&format!("pretrained/{}", manifest.weights)).await?;
    Ok((manifest, weights))
}

/// The downloaded manifest and weights of every shipped model.
struct ModelFiles {
    ae: (Manifest, Vec<u8>),
    vae: (Manifest, Vec<u8>),
    dae: (Manifest, Vec<u8>),
    inpaint: (Manifest, Vec<u8>),
}

impl ModelFiles {
    async fn download() -> Result<Self, String> {
        Ok(Self {
            ae: load_model_files(AE_16).await?,
            vae: load_model_files(VAE_16).await?,
            dae: load_model_files(DAE_16).await?,
            inpaint: load_model_files(INPAINT_16).await?,
        })
    }

    /// Builds every model on `device` from the same bytes.
    fn build(&self, device: &Device) -> Result<ModelSet, String> {
        let ae = |(m, w): &(Manifest, Vec<u8>)| {
            load_autoencoder(m, w.clone(), device).map_err(|e| format!("{}: {e}", m.name))
        };
        let (vm, vw) = &self.vae;
        Ok(ModelSet {
            device: device.clone(),
            ae: ae(&self.ae)?,
            vae: load_vae(vm, vw.clone(), device).map_err(|e| format!("{}: {e}", vm.name))?,
            dae: ae(&self.dae)?,
            inpaint: ae(&self.inpaint)?,
        })
    }
}

async fn load_all(state: RwSignal<LoadState>) -> Result<Loaded, String> {
    step(state, "Downloading the MNIST digits", 0.05).await;
    let data =
        Dataset::decode(&fetch_bytes("static/mnist.bin").await?).map_err(|e| e.to_string())?;

    step(state, "Downloading the pretrained models", 0.25).await;
    let files = ModelFiles::download().await?;

    step(state, "Loading the models on the CPU engine", 0.4).await;
    let cpu = files.build(&Device::flex())?;
    let check: Vec<usize> = (0..CHECK_DIGITS.min(data.test.len())).collect();
    let check_images = data.test.batch(&check);
    let cpu_outputs = cpu.run_all(&check_images).await?;

    step(state, "Starting WebGPU", 0.5).await;
    let mut reason = String::new();
    let mut gpu = None;
    let mut max_diff = None;
    // Created before WebGPU starts, so a device lost at any time can report it.
    let engine = RwSignal::new(EngineReport {
        backend: Backend::Cpu,
        live: Backend::Cpu,
        reason: String::new(),
        cpu_ms: 0.0,
        gpu_ms: None,
        max_diff: None,
    });
    match init_webgpu(move |why| report_fallback(engine, &why)).await {
        Err(why) => reason = why,
        Ok(webgpu) => {
            step(
                state,
                "Compiling WebGPU kernels (first use) and checking them against the CPU",
                0.6,
            )
            .await;
            let checked = async {
                let set = files.build(&webgpu.device)?;
                let diff = set.run_all(&check_images).await?.max_abs_diff(&cpu_outputs);
                Ok::<_, String>((set, diff))
            }
            .await;
            match checked {
                Err(why) => reason = format!("WebGPU failed on first use ({why})"),
                Ok(_) if !webgpu.is_healthy() => {
                    reason = "the WebGPU device reported an error".into()
                }
                Ok((_, diff)) if diff.is_nan() || diff > AGREEMENT_TOLERANCE => {
                    reason = format!(
                        "WebGPU results disagreed with the CPU engine (max difference {diff:.2e})"
                    );
                    max_diff = Some(diff);
                }
                Ok((pair, diff)) => {
                    max_diff = Some(diff);
                    gpu = Some((webgpu, pair));
                }
            }
        }
    }

    step(state, "Timing the engines", 0.85).await;
    let single = data.test.image(0);
    let cpu_ms = time_single(&cpu, &single).await?;
    let mut gpu_ms = None;
    if let Some((webgpu, pair)) = &gpu {
        match time_single(pair, &single).await {
            Ok(ms) if webgpu.is_healthy() => gpu_ms = Some(ms),
            Ok(_) => reason = "the WebGPU device was lost during start-up".into(),
            Err(why) => reason = format!("WebGPU failed on first use ({why})"),
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
        let adapter = &webgpu.adapter;
        reason = if live == Backend::WebGpu {
            format!(
                "WebGPU ({adapter}) is faster here: {g:.1} ms vs {cpu_ms:.1} ms per drawing on the CPU"
            )
        } else {
            format!(
                "WebGPU ({adapter}) is ready; live drawing runs on the CPU engine, which is faster for one image here: {cpu_ms:.1} ms vs {g:.1} ms on WebGPU"
            )
        };
    }
    engine.set(EngineReport {
        backend,
        live,
        reason,
        cpu_ms,
        gpu_ms,
        max_diff,
    });
    Ok(Loaded {
        data,
        ae_manifest: files.ae.0,
        vae_manifest: files.vae.0,
        dae_manifest: files.dae.0,
        inpaint_manifest: files.inpaint.0,
        cpu,
        gpu,
        engine,
    })
}

/// Median time of a few single-image reconstructions, after one untimed warm-up.
async fn time_single(pair: &ModelSet, image: &[f32]) -> Result<f64, String> {
    pair.reconstruct(image).await?;
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = now_ms();
        pair.reconstruct(image).await?;
        times.push(now_ms() - start);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

#[component]
pub fn LoadingPanel(state: RwSignal<LoadState>) -> impl IntoView {
    move || {
        match state.get() {
        LoadState::Loading { step, progress } => view! {
            <section class="loading" role="status" aria-live="polite">
                <p>{step}"…"</p>
                <progress max="1" value=progress.to_string()></progress>
            </section>
        }
        .into_any(),
        LoadState::Error(message) => view! {
            <section class="error" role="alert" data-testid="load-error">
                <h2>"Latent Lab could not start"</h2>
                <p>{message}</p>
                <p>"Reload the page to try again. If it keeps failing, check that the app's files are served next to index.html."</p>
            </section>
        }
        .into_any(),
        LoadState::Ready => ().into_any(),
    }
    }
}
