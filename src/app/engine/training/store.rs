//! The session's model outside the session: one exported file, the copy saved in the browser
//! (restored at start-up), and the copy the other views use.

use std::sync::Arc;

use burn::prelude::*;
use leptos::prelude::*;

use super::{SavedModel, TrainSession, pending, saved_config, tabs};
use crate::app::engine::resources::Resources;
use crate::app::engine::trained::TrainedSlot;
use crate::app::engine::{Backend, Problem};
use crate::app::web::now_ms;
use crate::app::web::storage::{self, StoreError, keys};
use crate::app::web::turn::next_task;
use crate::i18n::{Text, tk};
use crate::model::history::HistoryPoint;
use crate::model::host_copy::copy_parameters;
use crate::model::trained_file::{self, TrainedMeta};
use crate::train::lab::LabTrainer;

/// The model as it was at one moment: weights on the CPU engine, with the history and step that
/// led to them.
struct Snapshot {
    slot: TrainedSlot,
    history: Vec<HistoryPoint>,
    step: usize,
    model_gen: u64,
}

impl Snapshot {
    fn file_bytes(&self) -> Result<Vec<u8>, Text> {
        let meta = TrainedMeta {
            config: self.slot.config.clone(),
            history: self.history.clone(),
        };
        trained_file::encode(&self.slot.net, &meta)
            .map_err(|e| Text::new("train-copy-failed").with("why", e.to_string()))
    }
}

impl TrainSession {
    /// The current model copied to the CPU engine with its configuration, history and step, all
    /// taken at the same moment (the weights and the losses not yet read are then read back
    /// asynchronously: WebGPU cannot read synchronously, and steps may go on meanwhile). Export,
    /// publishing and saving share it.
    async fn host_copy(&self) -> Result<Snapshot, Text> {
        let Some((config, model)) = self
            .run
            .with_value(|r| r.trainer().map(|t| (t.config.clone(), t.model().valid())))
        else {
            return Err(Text::new("train-no-model-yet"));
        };
        let mut history = self.history.get_untracked();
        let unread = self.pending.with_value(Vec::clone);
        let step = self.done();
        let model_gen = self.model_gen();
        // The file's history ends at its weights' step (a homework report counts the steps so).
        history.extend(
            pending::read(unread)
                .await
                .map_err(|why| Text::new("train-copy-failed").with("why", why))?,
        );
        let device = Device::flex();
        let net = copy_parameters(&model, config.init(&device))
            .await
            .map_err(|why| Text::new("train-copy-failed").with("why", why.to_string()))?;
        Ok(Snapshot {
            slot: TrainedSlot {
                config,
                net,
                device,
            },
            history,
            step,
            model_gen,
        })
    }

    /// Whether `snapshot` is still of the session's model (not reset, recreated or imported over).
    fn is_current(&self, snapshot: &Snapshot) -> bool {
        self.is_model(snapshot.model_gen)
    }

    /// The model and its history as one file.
    pub async fn export(&self) -> Result<Vec<u8>, Text> {
        self.host_copy().await?.file_bytes()
    }

    /// Makes the current model available to the other views and saves it in the browser.
    pub(super) async fn publish(&self, resources: &Resources) {
        let snapshot = match self.host_copy().await {
            Ok(snapshot) => snapshot,
            Err(why) => {
                self.error
                    .set(Some(Text::new("train-publish-failed").with("why", why)));
                return;
            }
        };
        if !self.is_current(&snapshot) {
            return;
        }
        self.save_file(&snapshot).await;
        resources.set_lab_model(Arc::new(snapshot.slot));
    }

    /// Saves the model while a run goes on (the other views keep the model published last), so a
    /// reload or a lost GPU loses at most the steps since.
    pub(super) async fn save_progress(&self) {
        match self.host_copy().await {
            Ok(snapshot) => self.save_file(&snapshot).await,
            Err(why) => self
                .notice
                .set(Some(Text::new("train-save-failed").with("why", why))),
        }
    }

    /// Writes the model file to the browser's storage and keeps it in memory; tells other tabs,
    /// or says why the browser would not keep it. A snapshot of a model replaced meanwhile is
    /// dropped.
    async fn save_file(&self, snapshot: &Snapshot) {
        // Copying the weights, encoding them and storing them each take a task of their own,
        // so that a save during a run does not hold the page up.
        next_task().await;
        if !self.is_current(snapshot) {
            return;
        }
        let bytes = match snapshot.file_bytes() {
            Ok(bytes) => bytes,
            Err(why) => {
                self.notice
                    .set(Some(Text::new("train-save-failed").with("why", why)));
                return;
            }
        };
        next_task().await;
        let saved = storage::save_trained(&bytes).await;
        if !self.is_current(snapshot) {
            return;
        }
        self.saved.set_value(Some(SavedModel {
            bytes,
            step: snapshot.step,
            at_ms: now_ms(),
        }));
        match saved {
            Ok(()) => tabs::announce_save(self.tab, snapshot.step),
            Err(why) => self.notice.set(Some(not_kept(why))),
        }
    }

    /// When the last save happened (0 when none in this visit).
    pub(super) fn last_save_ms(&self) -> f64 {
        self.saved
            .with_value(|s| s.as_ref().map(|s| s.at_ms))
            .unwrap_or(0.0)
    }

    /// Puts back the model saved last, on the CPU engine; its step, or None when nothing was
    /// saved in this visit or it cannot be read back.
    pub(super) async fn back_to_last_save(self, resources: Arc<Resources>) -> Option<usize> {
        let saved = self.saved.with_value(|s| s.clone())?;
        self.import(resources, saved.bytes).await.ok()?;
        Some(saved.step)
    }

    /// Replaces the model by one read from a file; on any error the current model stays.
    /// Returns what was imported, in words.
    pub async fn import(self, resources: Arc<Resources>, bytes: Vec<u8>) -> Result<Text, Problem> {
        let (net, meta) = trained_file::decode(&bytes, &Device::flex()).map_err(|e| Problem {
            sentence: e.advice(),
            detail: Some(e.to_string()),
        })?;
        let config = meta.config.clone();
        // Training continues on the CPU engine, with the imported weights on an autodiff device.
        let trainable = copy_parameters(&net, config.init(&Device::flex().autodiff()))
            .await
            .map_err(|why| Problem {
                sentence: Text::new("train-import-unprepared"),
                detail: Some(why.to_string()),
            })?;
        let step = meta.history.last().map(|p| p.step).unwrap_or(0);
        let trainer = LabTrainer::resume(config.clone(), trainable);
        self.with_run(|run| run.replace(trainer, config.clone(), step));
        self.new_model();
        self.engine.set(Some(Backend::Cpu));
        self.config.set(config.clone());
        self.pending.set_value(Vec::new());
        self.step.set(step);
        self.last_loss
            .set(meta.history.last().map(|p| p.train_total));
        self.history.set(meta.history);
        self.error.set(None);
        let slot = TrainedSlot {
            config,
            net,
            device: Device::flex(),
        };
        let imported = Text::new("train-imported-model")
            .with("model", slot.describe())
            .with("steps", self.step.get_untracked());
        resources.set_lab_model(Arc::new(slot));
        // Nothing is pending on the imported model: no loss to read, so nothing can fail.
        let _ = self.refresh(&resources).await;
        Ok(imported)
    }

    /// Restores the model saved in this browser, if any (at start-up). A stored file that cannot
    /// be read is set aside, so that it never stands in the way of a start.
    pub async fn restore(self, resources: Arc<Resources>) {
        // The settings on screen when the page was left win over the restored model's own.
        let settings = saved_config();
        match storage::load_trained().await {
            Ok(Some(bytes)) => match self.import(resources.clone(), bytes.clone()).await {
                Err(problem) => {
                    let key = match storage::set_aside_trained(&bytes).await {
                        Ok(()) => tk("train-restore-damaged"),
                        Err(_) => tk("train-restore-failed"),
                    };
                    self.notice
                        .set(Some(Text::new(key).with("problem", problem.sentence)));
                }
                Ok(_) => {
                    self.notice.set(Some(
                        Text::new("train-restored").with("step", self.step.get_untracked()),
                    ));
                    resources.set_use_lab_model(
                        storage::load_setting(keys::USE_TRAINED).unwrap_or(false),
                    );
                    if let Some(settings) = settings {
                        self.config.set(settings);
                    }
                }
            },
            Ok(None) => {}
            Err(why) => self.notice.set(Some(
                Text::new("train-storage-unavailable").with("why", why),
            )),
        }
    }
}

/// Why the browser would not keep the model, and that it is still here.
fn not_kept(why: StoreError) -> Text {
    match why {
        StoreError::Full => Text::new("train-kept-in-memory-full"),
        StoreError::Unavailable(why) => Text::new("train-kept-in-memory").with("why", why),
        StoreError::Failed(why) => Text::new("train-save-failed").with("why", why),
    }
}
