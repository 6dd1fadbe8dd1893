//! Everything loaded at start-up (the test digits, the draw view's models on each engine, the engine
//! report), the models that follow in the background (`late`) and the lab model, with the operations the views run on them. Each operation runs on
//! the engine asked for and falls back to the CPU engine, saying so, when WebGPU fails.

use std::future::Future;
use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use super::late::LateModels;
use super::models::{Codes, ModelSet, Outputs, Reconstruction};
use super::trained::TrainedSlot;
use super::training_digits::TrainingDigits;
use super::webgpu::GpuEngine;
use super::{Backend, Family, LatentSize, PerFamily};
use crate::PIXELS;
use crate::analysis::Pca;
use crate::analysis::attributes::AttributeScores;
use crate::analysis::metrics::ErrorDistribution;
use crate::data::Split;
use crate::i18n::{Text, tk};
use crate::model::manifest::Manifest;
use crate::model::pretrained::Shipped;

/// WebGPU and CPU results may differ by rounding only; more than this means a broken kernel.
pub const AGREEMENT_TOLERANCE: f32 = 1e-3;

/// Components of the pixel PCA the applications compare with (as many as the 16-D codes).
pub const PCA_COMPONENTS: usize = 16;

/// What the engine badge reports; it changes if the WebGPU device is lost.
#[derive(Clone, Debug, PartialEq)]
pub struct EngineReport {
    /// WebGPU when a WebGPU device is in use, else CPU.
    pub backend: Backend,
    /// The engine live drawing runs on.
    pub live: Backend,
    /// Why this choice, in one sentence.
    pub reason: Text,
    /// Median milliseconds for one single-image reconstruction (AE + VAE) per engine.
    pub cpu_ms: f64,
    pub gpu_ms: Option<f64>,
    /// Largest per-pixel difference between WebGPU and CPU reconstructions of the check digits.
    pub max_diff: Option<f32>,
    /// Whether the browser offered a WebGPU device at all (false: no WebGPU here).
    pub offered: bool,
}

impl EngineReport {
    /// Before WebGPU has been tried.
    pub fn starting() -> Self {
        Self {
            backend: Backend::Cpu,
            live: Backend::Cpu,
            reason: Text::new("engine-starting"),
            cpu_ms: 0.0,
            gpu_ms: None,
            max_diff: None,
            offered: false,
        }
    }

    /// The key of the badge's sentence for a student: where the models run, in plain words.
    pub fn plain_sentence(&self) -> &'static str {
        match (self.backend, self.live, self.offered) {
            (Backend::WebGpu, Backend::WebGpu, _) => tk("engine-on-gpu"),
            (Backend::WebGpu, Backend::Cpu, _) => tk("engine-on-gpu-drawing-on-cpu"),
            (Backend::Cpu, _, false) => tk("engine-on-cpu-no-webgpu"),
            (Backend::Cpu, _, true) => tk("engine-on-cpu-webgpu-failed"),
        }
    }
}

/// The bundled digits: the test split arrives with the first view (the draw view shows test
/// digits and links name them), the training split follows in the background.
pub struct Digits {
    pub test: Split,
    pub train: TrainingDigits,
}

/// Everything loaded: data, models on each engine, the engine report and the lab model.
pub struct Resources {
    pub data: Digits,
    /// The manifests of the models loaded at start-up (the AE and the VAE with 16-D codes).
    pub manifests: PerFamily<Manifest>,
    /// The models that follow after start-up; they join `cpu` and `gpu` as they arrive.
    pub late: LateModels,
    /// The digits WebGPU was checked against the CPU on, to check the late models too.
    pub check_images: Vec<f32>,
    pub cpu: Arc<ModelSet>,
    pub gpu: Option<(GpuEngine, Arc<ModelSet>)>,
    pub engine: RwSignal<EngineReport>,
    /// The latest model from the training lab, if any.
    pub trained: RwSignal<Option<Arc<TrainedSlot>>>,
    /// Whether the lab model stands in for the shipped AE or VAE in every view.
    pub use_trained: RwSignal<bool>,
    /// The test digits' attributes, measured on first use.
    attribute_scores: OnceLock<AttributeScores>,
    pixel_pca: OnceLock<Pca>,
    /// The test digits' reconstruction errors, for the models in use when they were computed.
    pub test_errors: RwSignal<Option<TestErrors>>,
}

/// The distribution of the test digits' reconstruction errors under one set of models.
#[derive(Clone)]
pub struct TestErrors {
    /// Which models: `Resources::models_key` when computed.
    pub key: Option<usize>,
    pub errors: Arc<PerFamily<ErrorDistribution>>,
}

impl Resources {
    pub fn new(
        data: Digits,
        manifests: PerFamily<Manifest>,
        check_images: Vec<f32>,
        cpu: Arc<ModelSet>,
        gpu: Option<(GpuEngine, Arc<ModelSet>)>,
        engine: RwSignal<EngineReport>,
    ) -> Self {
        Self {
            data,
            manifests,
            late: LateModels::default(),
            check_images,
            cpu,
            gpu,
            engine,
            trained: RwSignal::new(None),
            use_trained: RwSignal::new(false),
            attribute_scores: OnceLock::new(),
            pixel_pca: OnceLock::new(),
            test_errors: RwSignal::new(None),
        }
    }

    /// The manifest of a shipped model, once it has been downloaded.
    pub fn manifest(&self, model: Shipped) -> Option<&Manifest> {
        match model {
            Shipped::Ae16 => Some(&self.manifests.ae),
            Shipped::Vae16 => Some(&self.manifests.vae),
            _ => self.late.manifest(model),
        }
    }

    /// Thickness, slant and width of every test digit (measured once, on first use).
    pub fn attribute_scores(&self) -> &AttributeScores {
        self.attribute_scores
            .get_or_init(|| AttributeScores::measure(&self.data.test.all_images()))
    }

    /// PCA-16 of the training digits' pixels, the linear baseline of the applications (fitted
    /// once, on first use, when the training digits are there).
    pub async fn pixel_pca(&self) -> Result<&Pca, String> {
        let train = self.data.train.wait().await?;
        Ok(self
            .pixel_pca
            .get_or_init(|| Pca::fit(&train.all_images(), PIXELS, PCA_COMPONENTS)))
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

    /// The engine live drawing runs on (the faster one for a single image).
    pub fn live_engine(&self) -> Backend {
        self.engine.with_untracked(|r| r.live)
    }

    /// The engine for batch work: WebGPU whenever it is in use.
    pub fn batch_engine(&self) -> Backend {
        self.engine.with_untracked(|r| r.backend)
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
                self.fall_back_to_cpu(Text::new("webgpu-failed").with("why", why));
                Ok((job(self.cpu.clone()).await?, Backend::Cpu))
            }
            result => Ok((result?, engine)),
        }
    }

    /// Identifies the models in use: the shipped ones (`None`), or a particular lab model.
    pub fn models_key(&self) -> Option<usize> {
        self.active_trained()
            .map(|slot| Arc::as_ptr(&slot) as usize)
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
        self.late
            .wait_for(&[Shipped::Dae16, Shipped::Inpaint16])
            .await?;
        let (mut out, engine) = self
            .run(wanted, |m| async move { m.run_all(images).await })
            .await?;
        if let Some(slot) = self.active_trained() {
            out.replace(slot.family(), slot.reconstruct(images).await?);
        }
        Ok((out, engine))
    }

    /// The AE's and the VAE's reconstructions of `images` on `wanted` (the lab model in its slot
    /// when chosen).
    pub async fn reconstruct_both_on(
        &self,
        wanted: Backend,
        images: &[f32],
    ) -> Result<(PerFamily<Vec<f32>>, Backend), String> {
        let (mut out, engine) = self
            .run(wanted, |m| async move { m.reconstruct_both(images).await })
            .await?;
        if let Some(slot) = self.active_trained() {
            out[slot.family()] = slot.reconstruct(images).await?;
        }
        Ok((out, engine))
    }

    /// The draw view's reconstruction of one image on `wanted`, with its errors.
    pub async fn reconstruct_on(
        &self,
        wanted: Backend,
        image: &[f32],
    ) -> Result<(Reconstruction, Backend), String> {
        let (out, engine) = self.reconstruct_both_on(wanted, image).await?;
        Ok((Reconstruction::of(image, out), engine))
    }

    /// The lab model, if chosen and of this family and latent size (for the latent view).
    fn trained_for(&self, family: Family, size: LatentSize) -> Option<Arc<TrainedSlot>> {
        self.active_trained()
            .filter(|s| s.family() == family && s.config.latent == size.dim())
    }

    /// Waits for the shipped model of `family` with `size`-D codes, when it comes after start-up.
    async fn wait_for_shipped(&self, family: Family, size: LatentSize) -> Result<(), String> {
        match (family, size) {
            (_, LatentSize::Sixteen) => Ok(()),
            (Family::Ae, LatentSize::Two) => self.late.wait_for(&[Shipped::Ae2]).await,
            (Family::Vae, LatentSize::Two) => self.late.wait_for(&[Shipped::Vae2]).await,
        }
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
        self.wait_for_shipped(family, size).await?;
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
        self.wait_for_shipped(family, size).await?;
        Ok(self
            .run(
                wanted,
                |m| async move { m.decode(family, size, codes).await },
            )
            .await?
            .0)
    }

    /// Records that WebGPU failed and moves everything to the CPU engine, saying why.
    pub fn fall_back_to_cpu(&self, why: Text) {
        if let Some((gpu, _)) = &self.gpu {
            gpu.mark_broken();
        }
        report_fallback(self.engine, why);
    }
}

/// Switches the engine report to the CPU, keeping the first reason given.
pub fn report_fallback(engine: RwSignal<EngineReport>, why: Text) {
    if engine.with_untracked(|r| r.backend == Backend::Cpu && r.gpu_ms.is_none()) {
        return;
    }
    engine.update(|r| {
        r.backend = Backend::Cpu;
        r.live = Backend::Cpu;
        r.gpu_ms = None;
        r.reason = Text::new("engine-switched-to-cpu").with("why", why);
    });
}
