//! Everything loaded at start-up (the test digits, the draw view's models on each engine, the engine
//! report), the models that follow in the background (`late`) and the lab model, with the operations the views run on them. Each operation runs on
//! the engine asked for and falls back to the CPU engine, saying so, when WebGPU fails.

use std::future::Future;
use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use super::error::EngineError;
use super::late::{LateModels, SlotState};
use super::models::{Codes, ModelSet, Outputs, Reconstruction};
use super::report::{EngineReport, report_fallback};
use super::trained::TrainedSlot;
use super::training_digits::TrainingDigits;
use super::webgpu::GpuEngine;
use super::{Backend, Family, LatentSize, PerFamily};
use crate::PIXELS;
use crate::analysis::Pca;
use crate::analysis::attributes::AttributeScores;
use crate::analysis::metrics::ErrorDistribution;
use crate::data::Split;
use crate::i18n::Text;
use crate::model::manifest::Manifest;
use crate::model::pretrained::Shipped;

/// Components of the pixel PCA the applications compare with (as many as the 16-D codes).
pub const PCA_COMPONENTS: usize = 16;

/// The bundled digits: the test split arrives with the first view (the draw view shows test
/// digits and links name them), the training split follows in the background.
pub struct Digits {
    pub test: Split,
    pub train: TrainingDigits,
}

/// Everything loaded: data, models on each engine, the engine report and the lab model. Views ask
/// for what they need through its methods; the fields stay private so that every change of the
/// models in use goes through [`Resources::set_lab_model`] or [`Resources::set_use_lab_model`],
/// which move [`Resources::models_in_use`] on.
pub struct Resources {
    digits: Digits,
    /// The manifests of the models loaded at start-up (the AE and the VAE with 16-D codes).
    manifests: PerFamily<Manifest>,
    /// The models that follow after start-up; they join `cpu` and `gpu` as they arrive.
    late: LateModels,
    /// The digits WebGPU was checked against the CPU on, to check the late models too.
    check_images: Vec<f32>,
    cpu: Arc<ModelSet>,
    gpu: Option<(GpuEngine, Arc<ModelSet>)>,
    engine: RwSignal<EngineReport>,
    /// The latest model from the training lab, if any.
    lab_model: RwSignal<Option<Arc<TrainedSlot>>>,
    /// Whether the lab model stands in for the shipped AE or VAE in every view.
    use_lab_model: RwSignal<bool>,
    /// Moves on whenever the models in use change (a lab model standing in replaced, or chosen or
    /// set aside), so that views and caches follow one number instead of two signals.
    models_in_use: RwSignal<u64>,
    /// The test digits' attributes, measured on first use.
    attribute_scores: OnceLock<AttributeScores>,
    pixel_pca: OnceLock<Pca>,
    /// The test digits' reconstruction errors, for the models in use when they were computed.
    test_errors: RwSignal<Option<TestErrors>>,
}

/// The distribution of the test digits' reconstruction errors under one set of models.
#[derive(Clone)]
struct TestErrors {
    /// Which models: [`Resources::models_in_use`] when computed (a number never given twice,
    /// unlike a freed model's address).
    generation: u64,
    errors: Arc<PerFamily<ErrorDistribution>>,
}

impl Resources {
    pub fn new(
        digits: Digits,
        manifests: PerFamily<Manifest>,
        check_images: Vec<f32>,
        cpu: Arc<ModelSet>,
        gpu: Option<(GpuEngine, Arc<ModelSet>)>,
        engine: RwSignal<EngineReport>,
    ) -> Self {
        Self {
            digits,
            manifests,
            late: LateModels::default(),
            check_images,
            cpu,
            gpu,
            engine,
            lab_model: RwSignal::new(None),
            use_lab_model: RwSignal::new(false),
            models_in_use: RwSignal::new(0),
            attribute_scores: OnceLock::new(),
            pixel_pca: OnceLock::new(),
            test_errors: RwSignal::new(None),
        }
    }

    /// The 2,000 test digits (there from the start).
    pub fn test_digits(&self) -> &Split {
        &self.digits.test
    }

    /// The training digits, on their way or there.
    pub fn training_digits(&self) -> &TrainingDigits {
        &self.digits.train
    }

    /// The models that follow after start-up, each with its slot.
    pub(super) fn late(&self) -> &LateModels {
        &self.late
    }

    /// Where the download of `model` (one loaded after start-up) stands.
    pub fn late_slot(&self, model: Shipped) -> RwSignal<SlotState> {
        self.late.state(model)
    }

    /// The digits the engines were checked against each other on.
    pub(super) fn check_images(&self) -> &[f32] {
        &self.check_images
    }

    /// The shipped models on the CPU engine (always there).
    pub fn cpu_models(&self) -> &Arc<ModelSet> {
        &self.cpu
    }

    /// The WebGPU engine and the shipped models on it, when WebGPU passed its checks at start-up.
    pub fn gpu_models(&self) -> Option<&(GpuEngine, Arc<ModelSet>)> {
        self.gpu.as_ref()
    }

    /// Whether WebGPU passed its checks at start-up (it may have failed since).
    pub fn has_webgpu(&self) -> bool {
        self.gpu.is_some()
    }

    /// What the engine badge reports (a signal: it changes if WebGPU fails).
    pub fn engine_report(&self) -> ReadSignal<EngineReport> {
        self.engine.read_only()
    }

    /// The latest model from the training lab, in use or not (a signal).
    pub fn lab_model(&self) -> ReadSignal<Option<Arc<TrainedSlot>>> {
        self.lab_model.read_only()
    }

    /// Whether the student chose to let the lab model stand in (a signal).
    pub fn use_lab_model(&self) -> ReadSignal<bool> {
        self.use_lab_model.read_only()
    }

    /// Publishes a new lab model; when it stands in, the models in use change.
    pub fn set_lab_model(&self, slot: Arc<TrainedSlot>) {
        self.lab_model.try_set(Some(slot));
        if self.use_lab_model.get_untracked() {
            self.models_changed();
        }
    }

    /// Lets the lab model stand in for its shipped model, or sets it aside.
    pub fn set_use_lab_model(&self, on: bool) {
        let before = self.use_lab_model.try_get_untracked();
        self.use_lab_model.try_set(on);
        if before != Some(on) && self.lab_model.with_untracked(Option::is_some) {
            self.models_changed();
        }
    }

    fn models_changed(&self) {
        self.models_in_use.try_update(|n| *n += 1);
    }

    /// Which models are in use: a number that moves on whenever they change. Views that show
    /// results of the models in use track it to work them out again.
    pub fn models_in_use(&self) -> ReadSignal<u64> {
        self.models_in_use.read_only()
    }

    /// The lab model when it stands in for a shipped one, tracked through [`Self::models_in_use`].
    pub fn lab_model_in_use(&self) -> Option<Arc<TrainedSlot>> {
        self.models_in_use.track();
        self.active_trained()
    }

    /// The test digits' errors, when known for the models in use (tracked).
    pub fn test_errors(&self) -> Option<Arc<PerFamily<ErrorDistribution>>> {
        self.test_errors.get().map(|t| t.errors)
    }

    /// Whether the test digits' errors are known for the models now in use.
    pub fn test_errors_current(&self) -> bool {
        let now = self.models_in_use.get_untracked();
        self.test_errors
            .with_untracked(|t| t.as_ref().is_some_and(|t| t.generation == now))
    }

    /// Keeps the test digits' errors computed under the models of `generation`.
    pub fn store_test_errors(&self, generation: u64, errors: PerFamily<ErrorDistribution>) {
        self.test_errors.try_set(Some(TestErrors {
            generation,
            errors: Arc::new(errors),
        }));
    }

    /// The manifest of a shipped model, once it has been downloaded.
    pub fn manifest(&self, model: Shipped) -> Option<&Manifest> {
        match model {
            Shipped::Ae16 => Some(&self.manifests.ae),
            Shipped::Vae16 => Some(&self.manifests.vae),
            _ => self.late.manifest(model),
        }
    }

    /// The manifest of the shipped model of `family` with 16-D codes (loaded at start-up).
    pub fn startup_manifest(&self, family: Family) -> &Manifest {
        &self.manifests[family]
    }

    /// Thickness, slant and width of every test digit (measured once, on first use).
    pub fn attribute_scores(&self) -> &AttributeScores {
        self.attribute_scores
            .get_or_init(|| AttributeScores::measure(&self.digits.test.all_images()))
    }

    /// PCA-16 of the training digits' pixels, the linear baseline of the applications (fitted
    /// once, on first use, when the training digits are there).
    pub async fn pixel_pca(&self) -> Result<&Pca, EngineError> {
        let train = self.digits.train.wait().await?;
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
    ) -> Result<(T, Backend), EngineError>
    where
        Fut: Future<Output = Result<T, EngineError>>,
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

    /// The lab model, when the student chose to use it in the views.
    pub fn active_trained(&self) -> Option<Arc<TrainedSlot>> {
        if self.use_lab_model.get_untracked() {
            self.lab_model.get_untracked()
        } else {
            None
        }
    }

    /// Every model on `images`, on `wanted` (the lab model in its slot when chosen).
    pub async fn run_all_on(
        &self,
        wanted: Backend,
        images: &[f32],
    ) -> Result<(Outputs, Backend), EngineError> {
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
    ) -> Result<(PerFamily<Vec<f32>>, Backend), EngineError> {
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
    ) -> Result<(Reconstruction, Backend), EngineError> {
        let (out, engine) = self.reconstruct_both_on(wanted, image).await?;
        Ok((Reconstruction::of(image, out), engine))
    }

    /// The lab model, if chosen and of this family and latent size (for the latent view).
    fn trained_for(&self, family: Family, size: LatentSize) -> Option<Arc<TrainedSlot>> {
        self.active_trained()
            .filter(|s| s.family() == family && s.config.latent == size.dim())
    }

    /// Waits for the shipped model of `family` with `size`-D codes, when it comes after start-up.
    async fn wait_for_shipped(&self, family: Family, size: LatentSize) -> Result<(), EngineError> {
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
    ) -> Result<Codes, EngineError> {
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
    ) -> Result<Vec<f32>, EngineError> {
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
