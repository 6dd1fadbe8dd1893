//! The session's model outside the session: one exported file, the copy saved in the browser
//! (restored at start-up), and the copy the other views use.

use std::sync::Arc;

use burn::prelude::*;
use leptos::prelude::*;

use super::{RunState, TrainSession, saved_config};
use crate::app::engine::resources::Resources;
use crate::app::engine::trained::TrainedSlot;
use crate::app::engine::{Backend, Problem};
use crate::app::web::storage::{self, keys};
use crate::i18n::{Arg, Text};
use crate::model::host_copy::copy_parameters;
use crate::model::trained_file::{self, TrainedMeta};
use crate::train::lab::LabTrainer;

impl TrainSession {
    /// The current model copied to the CPU engine with its configuration. The weights are read
    /// back asynchronously once (WebGPU cannot read synchronously); export and publishing share it.
    async fn host_copy(&self) -> Result<TrainedSlot, Text> {
        let Some((config, model)) = self
            .trainer
            .with_value(|t| t.as_ref().map(|t| (t.config.clone(), t.model().valid())))
        else {
            return Err(Text::new("train-no-model-yet"));
        };
        let device = Device::flex();
        let net = copy_parameters(&model, config.init(&device))
            .await
            .map_err(|why| Text::new("train-copy-failed").with("why", why))?;
        Ok(TrainedSlot {
            config,
            net,
            device,
        })
    }

    fn file_bytes(&self, slot: &TrainedSlot) -> Result<Vec<u8>, Text> {
        let meta = TrainedMeta {
            config: slot.config.clone(),
            history: self.log.get_value(),
        };
        trained_file::encode(&slot.net, &meta)
            .map_err(|e| Text::new("train-copy-failed").with("why", e.to_string()))
    }

    /// The model and its history as one file.
    pub async fn export(&self) -> Result<Vec<u8>, Text> {
        self.file_bytes(&self.host_copy().await?)
    }

    /// Makes the current model available to the other views and saves it in the browser.
    pub(super) async fn publish(&self, lab: &Resources) {
        let slot = match self.host_copy().await {
            Ok(slot) => slot,
            Err(why) => {
                self.error
                    .set(Some(Text::new("train-publish-failed").with("why", why)));
                return;
            }
        };
        let saved = match self.file_bytes(&slot) {
            Ok(bytes) => storage::save_trained(&bytes).await.map_err(Arg::Str),
            Err(why) => Err(why.into()),
        };
        if let Err(why) = saved {
            self.notice
                .set(Some(Text::new("train-save-failed").with("why", why)));
        }
        lab.trained.set(Some(Arc::new(slot)));
    }

    /// Replaces the model by one read from a file; on any error the current model stays.
    /// Returns what was imported, in words.
    pub async fn import(self, lab: Arc<Resources>, bytes: Vec<u8>) -> Result<Text, Problem> {
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
                detail: Some(why),
            })?;
        self.next_run_id();
        self.trainer
            .set_value(Some(LabTrainer::resume(config.clone(), trainable)));
        self.engine.set(Some(Backend::Cpu));
        self.config.set(config.clone());
        self.step
            .set(meta.history.last().map(|p| p.step).unwrap_or(0));
        self.last_loss
            .set(meta.history.last().map(|p| p.train_total));
        self.log.set_value(meta.history);
        self.state.set(RunState::Paused);
        self.error.set(None);
        let slot = TrainedSlot {
            config,
            net,
            device: Device::flex(),
        };
        let imported = Text::new("train-imported-model")
            .with("model", slot.describe())
            .with("steps", self.step.get_untracked());
        lab.trained.set(Some(Arc::new(slot)));
        self.refresh(&lab).await;
        Ok(imported)
    }

    /// Restores the model saved in this browser, if any (at start-up).
    pub async fn restore(self, lab: Arc<Resources>) {
        // The settings on screen when the page was left win over the restored model's own.
        let settings = saved_config();
        match storage::load_trained().await {
            Ok(Some(bytes)) => {
                if let Err(problem) = self.import(lab.clone(), bytes).await {
                    self.notice.set(Some(
                        Text::new("train-restore-failed").with("problem", problem.sentence),
                    ));
                } else {
                    self.notice.set(Some(Text::new("train-restored")));
                    lab.use_trained
                        .set(storage::load_setting(keys::USE_TRAINED).unwrap_or(false));
                    if let Some(settings) = settings {
                        self.config.set(settings);
                    }
                }
            }
            Ok(None) => {}
            Err(why) => self.notice.set(Some(
                Text::new("train-storage-unavailable").with("why", why),
            )),
        }
    }
}
