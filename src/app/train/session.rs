//! A training run in the browser. The session lives as long as the app, so a run goes on while
//! the student looks at other views; each step yields to the browser, so the page stays responsive.

use std::sync::Arc;

use burn::prelude::*;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::super::engine::{Backend, now_ms};
use super::super::inference::read;
use super::super::latent::map::MapPoints;
use super::super::loader::Loaded;
use super::super::storage;
use super::super::trained::TrainedSlot;
use crate::PIXELS;
use crate::analysis::latent::Region;
use crate::model::host_copy::copy_parameters;
use crate::model::lab::{LabConfig, LabLoss};
use crate::model::trained_file::{self, TrainedMeta};
use crate::train::batches::batch_at;
use crate::train::lab::{HistoryPoint, LabTrainer, diverged};

/// Test digits in the reconstruction grid, and in the test-loss subset.
const GRID_DIGITS: usize = 16;
const TEST_SUBSET: usize = 256;
/// Test digits on the evolving latent map of a 2-D model.
const MAP_DIGITS: usize = 500;
/// Refresh the chart, the grid and the map at most this often (ms).
const REFRESH_MS: f64 = 700.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    Idle,
    Running,
    Paused,
    Finished,
    Diverged,
}

impl RunState {
    pub fn label(self) -> &'static str {
        match self {
            RunState::Idle => "ready",
            RunState::Running => "training",
            RunState::Paused => "paused",
            RunState::Finished => "finished",
            RunState::Diverged => "stopped: diverged",
        }
    }
}

/// Throughput of the running session.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Speed {
    pub images_per_s: f64,
    pub seconds_left: f64,
}

#[derive(Clone, Copy)]
pub struct TrainSession {
    pub config: RwSignal<LabConfig>,
    pub state: RwSignal<RunState>,
    pub step: RwSignal<usize>,
    pub last_loss: RwSignal<Option<f32>>,
    /// Published at most every `REFRESH_MS` (the chart redraws from it).
    pub history: RwSignal<Vec<HistoryPoint>>,
    pub recon: RwSignal<Vec<Vec<f32>>>,
    pub map: RwSignal<Option<MapPoints>>,
    pub error: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<String>>,
    pub speed: RwSignal<Speed>,
    pub engine: RwSignal<Option<Backend>>,
    /// The engine the student asked to train on (None: WebGPU when in use).
    pub wanted: RwSignal<Option<Backend>>,
    trainer: StoredValue<Option<LabTrainer>, LocalStorage>,
    log: StoredValue<Vec<HistoryPoint>>,
    /// Bumped by every start, stop and reset: a loop of an older run quits.
    run_id: StoredValue<u64>,
}

impl TrainSession {
    pub fn new() -> Self {
        Self {
            config: RwSignal::new(saved_config().unwrap_or_default()),
            state: RwSignal::new(RunState::Idle),
            step: RwSignal::new(0),
            last_loss: RwSignal::new(None),
            history: RwSignal::new(Vec::new()),
            recon: RwSignal::new(Vec::new()),
            map: RwSignal::new(None),
            error: RwSignal::new(None),
            notice: RwSignal::new(None),
            speed: RwSignal::new(Speed::default()),
            engine: RwSignal::new(None),
            wanted: RwSignal::new(None),
            trainer: StoredValue::new_local(None),
            log: StoredValue::new(Vec::new()),
            run_id: StoredValue::new(0),
        }
    }

    pub fn has_model(&self) -> bool {
        self.trainer.with_value(Option::is_some)
    }

    fn batches_per_epoch(config: &LabConfig, train_len: usize) -> usize {
        train_len.div_ceil(config.batch_size)
    }

    pub fn total_steps(&self, train_len: usize) -> usize {
        self.config
            .with_untracked(|c| c.epochs * Self::batches_per_epoch(c, train_len))
    }

    /// Creates a fresh model from the configuration (on WebGPU when in use, unless the student
    /// chose the CPU). The error is a sentence for the UI.
    fn create(&self, lab: &Loaded) -> Result<(), String> {
        let config = self.config.get_untracked();
        config.validate()?;
        let wanted = self.wanted.get_untracked().unwrap_or(lab.batch_engine());
        let (models, engine) = lab.models(wanted);
        self.trainer
            .set_value(Some(LabTrainer::new(config, &models.device)));
        self.engine.set(Some(engine));
        self.clear_progress();
        Ok(())
    }

    /// Forgets the steps, the history and what was drawn from them.
    fn clear_progress(&self) {
        self.step.set(0);
        self.last_loss.set(None);
        self.log.set_value(Vec::new());
        self.history.set(Vec::new());
        self.recon.set(Vec::new());
        self.map.set(None);
        self.speed.set(Speed::default());
    }

    /// Whether "Start" continues the current model: it is paused and the settings are unchanged.
    /// (Changed settings describe another model: that starts afresh; the paused one was saved.)
    pub fn can_resume(&self) -> bool {
        self.state.get_untracked() == RunState::Paused
            && self.trainer.with_value(|t| {
                t.as_ref()
                    .is_some_and(|t| self.config.with_untracked(|c| *c == t.config))
            })
    }

    /// Keeps a paused model, or creates a fresh one; false (with the reason shown) when the
    /// configuration is invalid.
    fn ensure_model(&self, lab: &Loaded) -> bool {
        if !self.can_resume()
            && let Err(why) = self.create(lab)
        {
            self.error.set(Some(format!("Cannot start: {why}.")));
            return false;
        }
        true
    }

    /// Starts a new run, or resumes a paused one.
    pub fn start(self, lab: Arc<Loaded>) {
        self.error.set(None);
        if !self.ensure_model(&lab) {
            return;
        }
        self.state.set(RunState::Running);
        let id = self.run_id.get_value() + 1;
        self.run_id.set_value(id);
        leptos::task::spawn_local(self.run(lab, id));
    }

    pub fn pause(self) {
        if self.state.get_untracked() == RunState::Running {
            self.state.set(RunState::Paused);
        }
    }

    /// Ends the run, keeping the model as it is.
    pub fn stop(self, lab: Arc<Loaded>) {
        self.run_id.set_value(self.run_id.get_value() + 1);
        if self.has_model()
            && matches!(
                self.state.get_untracked(),
                RunState::Running | RunState::Paused
            )
        {
            self.state.set(RunState::Finished);
            leptos::task::spawn_local(async move {
                self.refresh(&lab).await;
                self.publish(&lab).await;
            });
        }
    }

    /// Forgets the model and its history (a saved copy in the browser stays until replaced).
    pub fn reset(self) {
        self.run_id.set_value(self.run_id.get_value() + 1);
        self.trainer.set_value(None);
        self.state.set(RunState::Idle);
        self.clear_progress();
        self.error.set(None);
    }

    /// One step while paused or before starting (creating the model if needed).
    pub fn single_step(self, lab: Arc<Loaded>) {
        if self.state.get_untracked() == RunState::Running {
            return;
        }
        if !self.ensure_model(&lab) {
            return;
        }
        self.state.set(RunState::Paused);
        leptos::task::spawn_local(async move {
            if self.train_step(&lab).await {
                self.refresh(&lab).await;
            }
        });
    }

    /// The batch of the current step: each epoch visits the training split in a fresh order.
    fn batch(&self, lab: &Loaded) -> Vec<f32> {
        let config = self.config.get_untracked();
        let indices = batch_at(
            lab.data.train.len(),
            config.batch_size,
            config.seed,
            self.step.get_untracked(),
        );
        lab.data.train.batch(&indices)
    }

    /// One optimiser step; false when the run cannot go on (an error or a diverged loss).
    async fn train_step(&self, lab: &Loaded) -> bool {
        let batch = self.batch(lab);
        let Some(loss) = self
            .trainer
            .try_update_value(|t| t.as_mut().map(|t| t.step(&batch)))
            .flatten()
        else {
            return false;
        };
        let values = match read_losses(loss).await {
            Ok(v) => v,
            Err(why) => {
                self.fail_engine(lab, &why);
                return false;
            }
        };
        let step = self.step.get_untracked() + 1;
        let config = self.config.get_untracked();
        let epoch = (step - 1) / Self::batches_per_epoch(&config, lab.data.train.len());
        self.step.set(step);
        self.last_loss.set(Some(values.0));
        self.log.update_value(|log| {
            log.push(HistoryPoint {
                step,
                epoch,
                train_total: values.0,
                train_reconstruction: values.1,
                train_kl: values.2,
                train_penalty: values.3,
                test_total: None,
            })
        });
        if diverged(values.0) {
            self.state.set(RunState::Diverged);
            self.error.set(Some(format!(
                "The loss became {} at step {step}, so training stopped: it diverged. The learning rate ({}) is \
                 probably too high for this model: lower it (try {}) and press Start again. The model you trained \
                 before, if any, is still the one saved in this browser and used in the other views.",
                values.0,
                config.learning_rate,
                config.learning_rate / 10.0
            )));
            self.history.set(self.log.get_value());
            return false;
        }
        true
    }

    /// A read-back failed. Its weights live on the failed engine and cannot be read any more, so
    /// the run ends there; the last model published (in the other views and saved in the browser)
    /// stays, and the next Start trains afresh, on the CPU if WebGPU failed.
    fn fail_engine(&self, lab: &Loaded, why: &str) {
        if self.engine.get_untracked() == Some(Backend::WebGpu) {
            lab.fall_back_to_cpu(&format!("WebGPU failed during training ({why})"));
            self.wanted.set(Some(Backend::Cpu));
        }
        self.trainer.set_value(None);
        self.state.set(RunState::Idle);
        self.error.set(Some(format!(
            "Training stopped: {why}. The model saved last (used in the other views) is kept; press Start to train \
             again{}.",
            if self.wanted.get_untracked() == Some(Backend::Cpu) { " on the CPU engine" } else { "" }
        )));
    }

    async fn run(self, lab: Arc<Loaded>, id: u64) {
        let total = self.total_steps(lab.data.train.len());
        let (start_ms, start_step) = (now_ms(), self.step.get_untracked());
        let batch_size = self.config.with_untracked(|c| c.batch_size);
        let mut last_refresh = 0.0;
        while self.run_id.try_get_value() == Some(id)
            && self.state.get_untracked() == RunState::Running
        {
            if self.step.get_untracked() >= total {
                self.state.set(RunState::Finished);
                break;
            }
            if !self.train_step(&lab).await {
                break;
            }
            let elapsed = (now_ms() - start_ms) / 1000.0;
            let done = (self.step.get_untracked() - start_step) as f64;
            let per_step = elapsed / done.max(1.0);
            self.speed.set(Speed {
                images_per_s: done * batch_size as f64 / elapsed.max(1e-3),
                seconds_left: per_step * (total - self.step.get_untracked()) as f64,
            });
            if now_ms() - last_refresh > REFRESH_MS {
                self.refresh(&lab).await;
                last_refresh = now_ms();
            }
            // Give the browser a turn: input, painting, other views.
            TimeoutFuture::new(0).await;
        }
        if self.run_id.try_get_value() == Some(id) {
            self.refresh(&lab).await;
            if matches!(
                self.state.get_untracked(),
                RunState::Finished | RunState::Paused
            ) {
                self.publish(&lab).await;
            }
        }
    }

    /// Test loss, reconstruction grid and (2-D codes) latent map of the current model.
    async fn refresh(&self, lab: &Loaded) {
        let Some(model) = self
            .trainer
            .with_value(|t| t.as_ref().map(|t| t.model().valid()))
        else {
            return;
        };
        let device = model.code.weight.device();
        let test_images = lab
            .data
            .test
            .batch(&(0..TEST_SUBSET.min(lab.data.test.len())).collect::<Vec<_>>());
        let loss = self
            .trainer
            .with_value(|t| t.as_ref().map(|t| t.evaluate(&test_images, 3)));
        if let Some(loss) = loss
            && let Ok(values) = read_losses(loss).await
        {
            self.log.update_value(|log| {
                if let Some(last) = log.last_mut() {
                    last.test_total = Some(values.0);
                }
            });
        }
        self.history.set(self.log.get_value());

        let grid = &test_images[..GRID_DIGITS * PIXELS];
        let x = Tensor::from_data(
            TensorData::new(grid.to_vec(), [GRID_DIGITS, PIXELS]),
            &device,
        );
        if let Ok(r) = read(model.reconstruct(x)).await {
            self.recon.set(vec![grid.to_vec(), r]);
        }
        if model.latent() == 2 {
            let idx: Vec<usize> = (0..MAP_DIGITS.min(lab.data.test.len())).collect();
            let x = Tensor::from_data(
                TensorData::new(lab.data.test.batch(&idx), [idx.len(), PIXELS]),
                &device,
            );
            if let Ok(codes) = read(model.encode(x)).await {
                let points: Vec<[f32; 2]> = codes.chunks_exact(2).map(|c| [c[0], c[1]]).collect();
                let region = Region::around(&points, 0.05);
                self.map.set(Some(MapPoints {
                    points,
                    labels: lab.data.test.labels[..idx.len()].to_vec(),
                    region,
                }));
            }
        } else {
            self.map.set(None);
        }
    }

    /// The current model copied to the CPU engine with its configuration. The weights are read
    /// back asynchronously once (WebGPU cannot read synchronously); export and publishing share it.
    async fn host_copy(&self) -> Result<TrainedSlot, String> {
        let Some((config, model)) = self
            .trainer
            .with_value(|t| t.as_ref().map(|t| (t.config.clone(), t.model().valid())))
        else {
            return Err("there is no trained model yet: start a run first".into());
        };
        let device = Device::flex();
        let net = copy_parameters(&model, config.init(&device)).await?;
        Ok(TrainedSlot {
            config,
            net,
            device,
        })
    }

    fn file_bytes(&self, slot: &TrainedSlot) -> Result<Vec<u8>, String> {
        let meta = TrainedMeta {
            config: slot.config.clone(),
            history: self.log.get_value(),
        };
        trained_file::encode(&slot.net, &meta).map_err(|e| e.to_string())
    }

    /// The model and its history as one file.
    pub async fn export(&self) -> Result<Vec<u8>, String> {
        self.file_bytes(&self.host_copy().await?)
    }

    /// Makes the current model available to the other views and saves it in the browser.
    async fn publish(&self, lab: &Loaded) {
        let slot = match self.host_copy().await {
            Ok(slot) => slot,
            Err(why) => {
                self.error.set(Some(format!(
                    "The model could not be copied for the other views: {why}"
                )));
                return;
            }
        };
        let saved = match self.file_bytes(&slot) {
            Ok(bytes) => storage::save_trained(&bytes).await,
            Err(why) => Err(why),
        };
        if let Err(why) = saved {
            self.notice.set(Some(format!(
                "The model could not be saved in this browser ({why}); export it to keep it."
            )));
        }
        lab.trained.set(Some(Arc::new(slot)));
    }

    /// Replaces the model by one read from a file; on any error the current model stays.
    pub async fn import(self, lab: Arc<Loaded>, bytes: Vec<u8>) -> Result<(), String> {
        let (net, meta) =
            trained_file::decode(&bytes, &Device::flex()).map_err(|e| e.to_string())?;
        self.run_id.set_value(self.run_id.get_value() + 1);
        let config = meta.config.clone();
        // Training continues on the CPU engine, with the imported weights on an autodiff device.
        let trainable = copy_parameters(&net, config.init(&Device::flex().autodiff())).await?;
        self.trainer
            .set_value(Some(LabTrainer::resume(config.clone(), trainable)));
        self.engine.set(Some(Backend::Cpu));
        self.config.set(config.clone());
        self.step
            .set(meta.history.last().map(|p| p.step).unwrap_or(0));
        self.last_loss
            .set(meta.history.last().map(|p| p.train_total));
        self.log.set_value(meta.history.clone());
        self.state.set(RunState::Paused);
        self.error.set(None);
        lab.trained.set(Some(Arc::new(TrainedSlot {
            config,
            net,
            device: Device::flex(),
        })));
        self.refresh(&lab).await;
        Ok(())
    }

    /// Restores the model saved in this browser, if any (at start-up).
    pub async fn restore(self, lab: Arc<Loaded>) {
        // The settings on screen when the page was left win over the restored model's own.
        let settings = saved_config();
        match storage::load_trained().await {
            Ok(Some(bytes)) => {
                if let Err(why) = self.import(lab.clone(), bytes).await {
                    self.notice.set(Some(format!(
                        "The model saved in this browser could not be restored: {why}"
                    )));
                } else {
                    self.notice.set(Some(
                        "Restored the model you trained earlier in this browser.".into(),
                    ));
                    lab.use_trained
                        .set(storage::load_setting(USE_TRAINED_KEY).unwrap_or(false));
                    if let Some(settings) = settings {
                        self.config.set(settings);
                    }
                }
            }
            Ok(None) => {}
            Err(why) => self.notice.set(Some(format!(
                "Saved models are unavailable in this browser ({why})."
            ))),
        }
    }
}

const CONFIG_KEY: &str = "latent-lab.train-config.v1";
/// Whether the lab model stands in for the shipped one (saved by the training view).
pub const USE_TRAINED_KEY: &str = "latent-lab.use-trained.v1";

/// The lab settings saved by an earlier visit, if readable and valid.
fn saved_config() -> Option<LabConfig> {
    storage::load_setting::<LabConfig>(CONFIG_KEY).filter(|c| c.validate().is_ok())
}

impl TrainSession {
    /// Saves the settings whenever they change (call once, from the app).
    pub fn keep_settings(self) {
        Effect::new(move |_| self.config.with(|c| storage::save_setting(CONFIG_KEY, c)));
    }
}

/// Reads a step's losses back in one go: (total, reconstruction, KL, penalty).
async fn read_losses(loss: LabLoss) -> Result<(f32, f32, Option<f32>, Option<f32>), String> {
    let (has_kl, has_penalty) = (loss.kl.is_some(), loss.penalty.is_some());
    let mut parts = vec![loss.total, loss.reconstruction];
    parts.extend(loss.kl);
    parts.extend(loss.penalty);
    let all = Tensor::cat(parts, 0)
        .into_data_async()
        .await
        .map_err(|e| format!("reading the loss failed: {e:?}"))?;
    let v = all
        .try_into_vec::<f32>()
        .map_err(|e| format!("unexpected loss type: {e:?}"))?;
    let kl = has_kl.then(|| v[2]);
    let penalty = has_penalty.then(|| v[if has_kl { 3 } else { 2 }]);
    Ok((v[0], v[1], kl, penalty))
}
