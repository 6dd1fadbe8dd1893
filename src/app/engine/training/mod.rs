//! A training run in the browser. The session lives as long as the app, so a run goes on while
//! the student looks at other views; each step yields to the browser, so the page stays
//! responsive. Its configuration is the one source of truth the training form shows and edits.
//!
//! - this file: the session's signals and its controls (start, pause, stop, reset, single step),
//!   the run's state machine being `train::controller`'s;
//! - `run`: the loop, one step, and the periodic refresh of the losses, test loss, grid and map;
//! - `pending`: the losses of the steps since the last refresh, read back together;
//! - `store`: export, import, saving in the browser and restoring at start-up.

mod pending;
mod run;
mod store;
mod tabs;

use std::sync::Arc;

use leptos::prelude::*;

use super::resources::Resources;
use super::{Backend, EngineChoice};
use crate::analysis::latent_map::MapPoints;
use crate::app::web::storage::{keys, load_setting, save_setting};
use crate::i18n::Text;
use crate::model::history::HistoryPoint;
use crate::model::lab::LabConfig;
use crate::model::lab::LabLoss;
use crate::train::controller::{Ready, RunController, Stopped, Trainer};
use crate::train::lab::{LabTrainer, RunProgress};
use pending::PendingStep;

pub use crate::train::controller::RunState;

/// The lab's model as the run controller sees it: made from the form's configuration.
impl Trainer for LabTrainer {
    type Recipe = LabConfig;
    type Device = burn::prelude::Device;
    type Batch = [f32];
    type Losses = LabLoss;
    type Invalid = Text;

    fn check(config: &LabConfig) -> Result<(), Text> {
        config.validate()
    }

    fn same_model(made: &LabConfig, wanted: &LabConfig) -> bool {
        made == wanted
    }

    fn make(config: &LabConfig, device: &Self::Device) -> Self {
        LabTrainer::new(config.clone(), device)
    }

    fn step(&mut self, batch: &[f32]) -> LabLoss {
        LabTrainer::step(self, batch)
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
    /// What the next run trains: the form shows and edits exactly this.
    pub config: RwSignal<LabConfig>,
    pub state: RwSignal<RunState>,
    /// The steps done, as shown: during a run it follows them at most every `run::PROGRESS_MS`.
    pub step: RwSignal<usize>,
    /// The last training loss read back.
    pub last_loss: RwSignal<Option<f32>>,
    /// Every step's losses read back so far. Steps append to it without notifying; the chart
    /// redraws once per refresh (`run::REFRESH_MS`).
    pub history: RwSignal<Vec<HistoryPoint>>,
    pub recon: RwSignal<Vec<Vec<f32>>>,
    pub map: RwSignal<Option<MapPoints>>,
    pub error: RwSignal<Option<Text>>,
    pub notice: RwSignal<Option<Text>>,
    pub speed: RwSignal<Speed>,
    pub engine: RwSignal<Option<Backend>>,
    /// The engine the student asked to train on (auto: WebGPU when in use).
    pub wanted: RwSignal<EngineChoice>,
    /// The model, its steps (ahead of `step` and `history` until the next read), the run id and
    /// the model generation (a save or publish that began with an earlier model must not land as
    /// this one's); `state` mirrors its state.
    run: StoredValue<RunController<LabTrainer>, LocalStorage>,
    /// The steps whose losses are still on the device, oldest first.
    pending: StoredValue<Vec<PendingStep>, LocalStorage>,
    /// The configurations the form showed during this visit (the last 64): a link back to one of
    /// them (back and forward) loses nothing, so it is applied without asking.
    shown: StoredValue<Vec<LabConfig>>,
    /// The model file saved last (in the browser if it let us, in memory always): what a reload
    /// restores, and what training continues from on the CPU when WebGPU is lost.
    saved: StoredValue<Option<SavedModel>, LocalStorage>,
    /// This page's id among the tabs of the app (to tell another tab's saves from ours).
    tab: u32,
}

/// A model file as saved, with its step.
#[derive(Clone)]
struct SavedModel {
    bytes: Vec<u8>,
    step: usize,
    at_ms: f64,
}

impl TrainSession {
    /// A session with the settings of the last visit; they are saved whenever they change.
    pub fn new() -> Self {
        let session = Self {
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
            wanted: RwSignal::new(EngineChoice::Auto),
            run: StoredValue::new_local(RunController::new()),
            pending: StoredValue::new_local(Vec::new()),
            shown: StoredValue::new(Vec::new()),
            saved: StoredValue::new_local(None),
            tab: tabs::new_tab_id(),
        };
        Effect::new(move |_| session.config.with(|c| save_setting(keys::TRAIN_CONFIG, c)));
        tabs::listen_for_other_saves(session.tab, session.notice);
        session
    }

    /// Remembers that the form showed `config` during this visit.
    pub fn remember_shown(&self, config: &LabConfig) {
        self.shown.update_value(|shown| {
            shown.retain(|c| c != config);
            shown.push(config.clone());
            if shown.len() > 64 {
                shown.remove(0);
            }
        });
    }

    /// Whether the form showed `config` earlier in this visit.
    pub fn was_shown(&self, config: &LabConfig) -> bool {
        self.shown.with_value(|shown| shown.contains(config))
    }

    /// Changes the run (None once the page is gone), and shows its state.
    fn with_run<R>(&self, f: impl FnOnce(&mut RunController<LabTrainer>) -> R) -> Option<R> {
        let (result, state) = self.run.try_update_value(|run| (f(run), run.state()))?;
        if self.state.try_get_untracked() != Some(state) {
            self.state.try_set(state);
        }
        Some(result)
    }

    /// Optimiser steps the model has had (0 once the page is gone).
    fn done(&self) -> usize {
        self.run.try_with_value(RunController::steps).unwrap_or(0)
    }

    /// Whether the model is still that of generation `model_gen` (false once the page is gone).
    fn is_model(&self, model_gen: u64) -> bool {
        self.run.try_with_value(|r| r.is_model(model_gen)) == Some(true)
    }

    fn model_gen(&self) -> u64 {
        self.run.with_value(RunController::model_gen)
    }

    /// Where the run stands (reactive: tracks the step and the configuration).
    pub fn progress(&self, train_len: usize) -> RunProgress {
        self.config
            .with(|c| RunProgress::new(c, train_len, self.step.get()))
    }

    /// Where the run stands after `step` steps (untracked).
    fn progress_at(&self, train_len: usize, step: usize) -> RunProgress {
        self.config
            .with_untracked(|c| RunProgress::new(c, train_len, step))
    }

    /// Forgets the steps, the history and what was drawn from them.
    fn clear_progress(&self) {
        self.pending.set_value(Vec::new());
        self.step.set(0);
        self.last_loss.set(None);
        self.history.set(Vec::new());
        self.recon.set(Vec::new());
        self.map.set(None);
        self.speed.set(Speed::default());
    }

    /// Whether "Start" continues the current model: it is paused and the settings are unchanged.
    /// (Changed settings describe another model: that starts afresh; the paused one was saved.)
    pub fn can_resume(&self) -> bool {
        self.config
            .with_untracked(|c| self.run.with_value(|r| r.can_resume(c)))
    }

    /// Keeps a paused model, or creates a fresh one from the configuration (on WebGPU when in
    /// use, unless the student chose the CPU); false (with the reason shown) when the
    /// configuration is invalid.
    fn ensure_model(&self, resources: &Resources) -> bool {
        let config = self.config.get_untracked();
        let mut engine = None;
        let ready = self.with_run(|run| {
            run.ensure_model(&config, || {
                let wanted = self
                    .wanted
                    .get_untracked()
                    .resolve(resources.batch_engine());
                let (models, backend) = resources.models(wanted);
                engine = Some(backend);
                models.device.clone()
            })
        });
        match ready {
            Some(Ok(Ready::Made)) => {
                self.engine.set(engine);
                self.clear_progress();
                self.new_model();
                true
            }
            Some(Ok(Ready::Resumed)) => true,
            Some(Err(why)) => {
                self.error
                    .set(Some(Text::new("train-cannot-start").with("why", why)));
                false
            }
            None => false,
        }
    }

    /// Starts a new run, or resumes a paused one.
    pub fn start(self, resources: Arc<Resources>) {
        self.error.set(None);
        if !self.ensure_model(&resources) {
            return;
        }
        if let Some(ticket) = self.with_run(RunController::start) {
            leptos::task::spawn_local(self.run(resources, ticket));
        }
    }

    /// Pauses after the step in flight, so the step counter never moves once "paused" shows.
    pub fn pause(self) {
        self.with_run(RunController::pause);
    }

    /// Ends the run, keeping the model as it is (a model not trained a single step is dropped:
    /// it would replace the saved one with nothing learnt).
    pub fn stop(self, resources: Arc<Resources>) {
        if self.with_run(RunController::stop) == Some(Stopped::Finished) {
            leptos::task::spawn_local(async move {
                if self.refresh_or_fail(&resources).await {
                    self.publish(&resources).await;
                }
            });
        }
    }

    /// Forgets the model and its history (a saved copy in the browser stays until replaced).
    pub fn reset(self) {
        self.with_run(RunController::reset);
        self.clear_progress();
        self.new_model();
        self.error.set(None);
    }

    /// One step while paused or before starting (creating the model if needed).
    pub fn single_step(self, resources: Arc<Resources>) {
        if self.state.get_untracked().is_active() {
            return;
        }
        self.error.set(None);
        if !self.ensure_model(&resources) {
            return;
        }
        let Some(Some(ticket)) = self.with_run(RunController::single_step) else {
            return;
        };
        // The step waits for the training digits; a Start, Reset or new model meanwhile cancels it.
        leptos::task::spawn_local(async move {
            let train = resources.training_digits().wait().await;
            let still_this_model = self.run.try_with_value(|r| r.may_step(ticket)) == Some(true);
            match train {
                Ok(_) if !still_this_model => {}
                Ok(train) => {
                    if self.train_step(train) {
                        self.refresh_or_fail(&resources).await;
                    }
                }
                Err(why) => {
                    self.error
                        .try_set(Some(Text::new("train-digits-failed").with("why", why)));
                }
            }
        });
    }

    /// Another model from now on: the last save belongs to the one before (a lost GPU must not
    /// bring it back).
    fn new_model(&self) {
        self.saved.set_value(None);
    }
}

/// The lab settings saved by an earlier visit, if readable and valid.
fn saved_config() -> Option<LabConfig> {
    load_setting::<LabConfig>(keys::TRAIN_CONFIG).filter(|c| c.validate().is_ok())
}
