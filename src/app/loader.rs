//! Loading everything the app needs, with visible progress: the digits, the pretrained models, the
//! engines (with a WebGPU warm-up and a check that WebGPU agrees with the CPU), then timing both
//! engines so live drawing runs on the faster one.

use std::future::Future;
use std::sync::Arc;

use burn::prelude::*;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::engine::{Backend, GpuEngine, init_webgpu, now_ms};
use super::fetch::{fetch_bytes, fetch_text};
use super::inference::{Codes, Family, LatentSize, ModelSet, Outputs, Reconstruction};
use super::trained::TrainedSlot;
use crate::data::Dataset;
use crate::model::manifest::Manifest;
use crate::model::pretrained::{
    AE_2, AE_16, DAE_16, INPAINT_16, VAE_2, VAE_16, load_autoencoder, load_vae, parse_manifest,
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
    /// The manifest of every shipped model.
    pub manifests: Vec<Manifest>,
    pub cpu: Arc<ModelSet>,
    pub gpu: Option<(GpuEngine, Arc<ModelSet>)>,
    pub engine: RwSignal<EngineReport>,
    /// The latest model from the training lab, if any.
    pub trained: RwSignal<Option<Arc<TrainedSlot>>>,
    /// Whether the lab model stands in for the shipped AE or VAE in every view.
    pub use_trained: RwSignal<bool>,
}

impl Loaded {
    /// The manifest of a shipped model (see `model::pretrained` for the names).
    pub fn manifest(&self, name: &str) -> &Manifest {
        self.manifests
            .iter()
            .find(|m| m.name == name)
            .expect("every shipped model is loaded")
    }

    /// The models on `backend`, falling back to the CPU when WebGPU is missing or unhealthy.
    pub fn models(&self, backend: Backend) -> (Arc<ModelSet>, Backend) {
        match (&self.gpu, backend) {
            (Some((gpu, set)), Backend::WebGpu) if gpu.is_healthy() => {
                (set.clone(), Backend::WebGpu)
            }
            _ => (self.cpu.clone(), Backend::Cpu),
        }
    }

    /// Runs `job` on the models of `wanted`; if WebGPU fails, switches to the CPU engine, says
    /// so, and runs it there. Returns the result and the engine that produced it.
    pub async fn run<T, Fut>(
        &self,
        wanted: Backend,
        job: impl Fn(Arc<ModelSet>) -> Fut,
    ) -> Result<(T, Backend), String>
    where
        Fut: Future<Output = Result<T, String>>,
    {
        let (models, engine) = self.models(wanted);
        match job(models).await {
            Err(why) if engine == Backend::WebGpu => {
                self.fall_back_to_cpu(&format!("WebGPU failed ({why})"));
                Ok((job(self.cpu.clone()).await?, Backend::Cpu))
            }
            result => Ok((result?, engine)),
        }
    }

    /// The lab model, when the student chose to use it in the views.
    pub fn active_trained(&self) -> Option<Arc<TrainedSlot>> {
        if self.use_trained.get_untracked() {
            self.trained.get_untracked()
        } else {
            None
        }
    }

    /// Every model on `images`, on `wanted` (the lab model in its slot when chosen).
    pub async fn run_all_on(
        &self,
        wanted: Backend,
        images: &[f32],
    ) -> Result<(Outputs, Backend), String> {
        let (mut out, engine) = self
            .run(wanted, |m| async move { m.run_all(images).await })
            .await?;
        if let Some(slot) = self.active_trained() {
            let r = slot.reconstruct(images).await?;
            match slot.family() {
                Family::Ae => out.ae = r,
                Family::Vae => out.vae = r,
            }
        }
        Ok((out, engine))
    }

    /// The draw view's reconstruction on `wanted` (the lab model in its slot when chosen).
    pub async fn reconstruct_on(
        &self,
        wanted: Backend,
        image: &[f32],
    ) -> Result<(Reconstruction, Backend), String> {
        let (mut out, engine) = self
            .run(wanted, |m| async move { m.reconstruct(image).await })
            .await?;
        if let Some(slot) = self.active_trained() {
            let (r, e) = slot.reconstruct_one(image).await?;
            match slot.family() {
                Family::Ae => (out.ae, out.ae_mse) = (r, e),
                Family::Vae => (out.vae, out.vae_mse) = (r, e),
            }
        }
        Ok((out, engine))
    }

    /// The lab model, if chosen and of this family and latent size (for the latent view).
    fn trained_for(&self, family: Family, size: LatentSize) -> Option<Arc<TrainedSlot>> {
        self.active_trained()
            .filter(|s| s.family() == family && s.config.latent == size.dim())
    }

    /// Codes of `images` (the lab model's when it stands in for this model).
    pub async fn encode_on(
        &self,
        wanted: Backend,
        family: Family,
        size: LatentSize,
        images: &[f32],
    ) -> Result<Codes, String> {
        if let Some(slot) = self.trained_for(family, size) {
            return slot.encode(images).await;
        }
        Ok(self
            .run(
                wanted,
                |m| async move { m.encode(family, size, images).await },
            )
            .await?
            .0)
    }

    /// Images decoded from `codes` (by the lab model when it stands in for this model).
    pub async fn decode_on(
        &self,
        wanted: Backend,
        family: Family,
        size: LatentSize,
        codes: &[f32],
    ) -> Result<Vec<f32>, String> {
        if let Some(slot) = self.trained_for(family, size) {
            return slot.decode(codes).await;
        }
        Ok(self
            .run(
                wanted,
                |m| async move { m.decode(family, size, codes).await },
            )
            .await?
            .0)
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

/// The downloaded manifest and weights of every shipped model, in `SHIPPED` order.
struct ModelFiles(Vec<(Manifest, Vec<u8>)>);

/// Every model the app loads.
const SHIPPED: [&str; 6] = [AE_16, VAE_16, DAE_16, INPAINT_16, AE_2, VAE_2];

impl ModelFiles {
    async fn download() -> Result<Self, String> {
        let mut files = Vec::new();
        for name in SHIPPED {
            files.push(load_model_files(name).await?);
        }
        Ok(Self(files))
    }

    fn get(&self, name: &str) -> &(Manifest, Vec<u8>) {
        &self.0[SHIPPED
            .iter()
            .position(|&n| n == name)
            .expect("a shipped model")]
    }

    /// Builds every model on `device` from the same bytes.
    fn build(&self, device: &Device) -> Result<Arc<ModelSet>, String> {
        let ae = |name| {
            let (m, w) = self.get(name);
            load_autoencoder(m, w.clone(), device).map_err(|e| format!("{}: {e}", m.name))
        };
        let vae = |name| {
            let (m, w) = self.get(name);
            load_vae(m, w.clone(), device).map_err(|e| format!("{}: {e}", m.name))
        };
        Ok(Arc::new(ModelSet {
            device: device.clone(),
            ae: ae(AE_16)?,
            vae: vae(VAE_16)?,
            dae: ae(DAE_16)?,
            inpaint: ae(INPAINT_16)?,
            ae2: ae(AE_2)?,
            vae2: vae(VAE_2)?,
        }))
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
        manifests: files.0.into_iter().map(|(m, _)| m).collect(),
        cpu,
        gpu,
        engine,
        trained: RwSignal::new(None),
        use_trained: RwSignal::new(false),
    })
}

/// Median time of a few single-image reconstructions, after one untimed warm-up.
async fn time_single(pair: &Arc<ModelSet>, image: &[f32]) -> Result<f64, String> {
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
