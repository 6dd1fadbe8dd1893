//! A GAN training run in the browser, one session per mode (the 2-D toy and the digits). Like the
//! training lab's session it lives as long as the app, so a run goes on while the student looks
//! at another tab or view, and each step yields to the browser.
//!
//! - this file: the session's signals and its controls (start, pause, single step, reset), the
//!   run's state machine being `train::controller`'s;
//! - `run`: the loop, and the refresh of the losses and the pictures (points, D's field and G's
//!   arrows for the toy; the sample grid for digits).

mod run;
pub mod shipped;
mod store;

use std::sync::Arc;

use leptos::prelude::*;

use super::resources::Resources;
use super::{Backend, EngineChoice};
use crate::app::web::storage::{keys, load_setting, save_setting};
use crate::gan::settings::{GanMode, GanSettings};
use crate::i18n::Text;
use crate::model::gan_history::GanRecord;
use crate::train::controller::RunState;
use crate::train::controller::{Ready, RunController, Trainer};
use crate::train::gan::{DivergenceWatch, GanLosses, GanTrainer};
use burn::prelude::Device;

/// What a session's models are made from: the form's settings for its mode, and the engine
/// asked for then (another engine means other models: Start begins afresh).
#[derive(Clone)]
pub struct GanRecipe {
    pub mode: GanMode,
    pub settings: GanSettings,
    pub engine: EngineChoice,
}

/// The GAN as the run controller sees it.
impl Trainer for GanTrainer {
    type Recipe = GanRecipe;
    type Device = Device;
    type Batch = [f32];
    type Losses = GanLosses;
    type Invalid = Text;

    fn check(recipe: &GanRecipe) -> Result<(), Text> {
        recipe.settings.validate(recipe.mode)
    }

    fn same_model(made: &GanRecipe, wanted: &GanRecipe) -> bool {
        made.engine == wanted.engine && made.settings.same_models(&wanted.settings)
    }

    fn make(recipe: &GanRecipe, device: &Device) -> Self {
        GanTrainer::new(recipe.settings.config(recipe.mode), device)
    }

    fn step(&mut self, real: &[f32]) -> GanLosses {
        GanTrainer::step(self, real)
    }
}

/// What the toy plot draws, read back at a refresh: flat `[x0, y0, x1, y1, …]` buffers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ToySnapshot {
    /// Samples of the target (a fixed draw, so they do not flicker).
    pub real: Vec<f32>,
    /// G's points for the fixed noise batch.
    pub fake: Vec<f32>,
    /// D(x) on a `field_cells × field_cells` grid, row 0 at the bottom.
    pub field: Vec<f32>,
    pub field_cells: usize,
    /// The arrows' points and ∂(G loss)/∂point.
    pub arrow_points: Vec<f32>,
    pub gradients: Vec<f32>,
}

#[derive(Clone, Copy)]
pub struct GanSession {
    pub mode: GanMode,
    /// What the next run trains: the form shows and edits exactly this.
    pub settings: RwSignal<GanSettings>,
    pub state: RwSignal<RunState>,
    /// Generator steps done, as shown.
    pub step: RwSignal<usize>,
    /// The numbers read at each refresh.
    pub history: RwSignal<Vec<GanRecord>>,
    pub error: RwSignal<Option<Text>>,
    /// What the student should know but need not act on (restored models, a failed save).
    pub notice: RwSignal<Option<Text>>,
    pub engine: RwSignal<Option<Backend>>,
    /// The engine the student asked for (auto: the CPU for the toy, whose tiny models gain
    /// nothing from a GPU; WebGPU when in use for digits).
    pub wanted: RwSignal<EngineChoice>,
    /// Generator steps per second during a run.
    pub speed: RwSignal<f64>,
    /// Slow motion: one step at a time, each drawn.
    pub slow: RwSignal<bool>,
    pub toy: RwSignal<Option<ToySnapshot>>,
    /// The digits mode's 8 × 8 grid of the fixed noise batch, one row of 8 images per entry.
    pub grid: RwSignal<Vec<Vec<f32>>>,
    /// The models with what they were made from, their steps, the run id and the model
    /// generation (a refresh that began with earlier models must not draw or judge them
    /// afterwards); `state` mirrors its state.
    run: StoredValue<RunController<GanTrainer>, LocalStorage>,
    /// The last step's numbers, still on the device until the next refresh reads them.
    last: StoredValue<Option<GanLosses>, LocalStorage>,
    /// Steps since the numbers were last read.
    unread: StoredValue<usize>,
    watch: StoredValue<DivergenceWatch>,
    /// The toy's stream of real samples (see `GanSettings::toy_stream`).
    toy_stream: StoredValue<Option<rand::rngs::StdRng>>,
    /// When the models were last saved in the browser (ms), and whether this visit restored them.
    saved_ms: StoredValue<f64>,
    restored: StoredValue<bool>,
}

impl GanSession {
    /// A session with the settings of the last visit; they are saved whenever they change.
    pub fn new(mode: GanMode) -> Self {
        let key = storage_key(mode);
        let saved = load_setting::<GanSettings>(key).filter(|s| s.restorable(mode));
        let session = Self {
            mode,
            settings: RwSignal::new(saved.unwrap_or_else(|| GanSettings::default_for(mode))),
            state: RwSignal::new(RunState::Idle),
            step: RwSignal::new(0),
            history: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            notice: RwSignal::new(None),
            engine: RwSignal::new(None),
            wanted: RwSignal::new(EngineChoice::Auto),
            speed: RwSignal::new(0.0),
            slow: RwSignal::new(false),
            toy: RwSignal::new(None),
            grid: RwSignal::new(Vec::new()),
            run: StoredValue::new_local(RunController::new()),
            last: StoredValue::new_local(None),
            unread: StoredValue::new(0),
            watch: StoredValue::new(watch()),
            toy_stream: StoredValue::new(None),
            saved_ms: StoredValue::new(0.0),
            restored: StoredValue::new(false),
        };
        Effect::new(move |_| session.settings.with(|s| save_setting(key, s)));
        session
    }

    pub fn has_model(&self) -> bool {
        self.run.with_value(RunController::has_model)
    }

    /// Changes the run (None once the view is gone), and shows its state.
    fn with_run<R>(&self, f: impl FnOnce(&mut RunController<GanTrainer>) -> R) -> Option<R> {
        let (result, state) = self.run.try_update_value(|run| (f(run), run.state()))?;
        if self.state.try_get_untracked() != Some(state) {
            self.state.try_set(state);
        }
        Some(result)
    }

    /// Whether the models are still those of generation `model_gen` (false once the view is gone).
    fn is_model(&self, model_gen: u64) -> bool {
        self.run.try_with_value(|r| r.is_model(model_gen)) == Some(true)
    }

    fn model_gen(&self) -> u64 {
        self.run.with_value(RunController::model_gen)
    }

    /// What the form describes now.
    fn recipe(&self) -> GanRecipe {
        GanRecipe {
            mode: self.mode,
            settings: self.settings.get_untracked(),
            engine: self.wanted.get_untracked(),
        }
    }

    /// Drops the models (ending any run) and what is waiting to be read from them.
    fn forget_models(&self) {
        self.with_run(RunController::fail);
        self.last.set_value(None);
        self.unread.set_value(0);
    }

    /// Whether "Start" continues the current models: paused, with unchanged settings and engine.
    /// (Changed settings describe another game, another engine other models: those start afresh.)
    pub fn can_resume(&self) -> bool {
        let wanted = self.recipe();
        self.run.with_value(|r| r.can_resume(&wanted))
    }

    /// The engine a fresh run uses.
    fn engine_for(&self, resources: &Resources) -> Backend {
        let default = match self.mode {
            GanMode::Toy => Backend::Cpu,
            GanMode::Digits => resources.batch_engine(),
        };
        self.wanted.get_untracked().resolve(default)
    }

    fn clear_progress(&self) {
        self.last.set_value(None);
        self.unread.set_value(0);
        self.watch.set_value(watch());
        self.step.set(0);
        self.history.set(Vec::new());
        self.toy.set(None);
        self.grid.set(Vec::new());
        self.speed.set(0.0);
    }

    /// Keeps paused models (the target may have changed since: a drawing cleared), or creates
    /// fresh ones from the settings; false (with the reason shown) otherwise.
    fn ensure_model(&self, resources: &Resources) -> bool {
        let wanted = self.recipe();
        let mut engine = None;
        let ready = self.with_run(|run| {
            run.ensure_model(&wanted, || {
                let (models, backend) = resources.models(self.engine_for(resources));
                engine = Some(backend);
                models.device.clone()
            })
        });
        match ready {
            Some(Ok(Ready::Made)) => {
                self.toy_stream
                    .set_value(Some(wanted.settings.toy_stream()));
                self.engine.set(engine);
                self.clear_progress();
                true
            }
            Some(Ok(Ready::Resumed)) => true,
            Some(Err(why)) => {
                self.error
                    .set(Some(Text::new("gan-cannot-start").with("why", why)));
                false
            }
            None => false,
        }
    }

    /// Starts a run, or resumes a paused one.
    pub fn start(self, resources: Arc<Resources>) {
        self.error.set(None);
        if !self.ensure_model(&resources) {
            return;
        }
        if let Some(ticket) = self.with_run(RunController::start) {
            leptos::task::spawn_local(self.run(resources, ticket));
        }
    }

    /// Pauses after the step in flight.
    pub fn pause(self) {
        self.with_run(RunController::pause);
    }

    /// One generator step (with its D steps) while paused or before starting, then a refresh.
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
        // The step may wait for the training digits; a Start, Reset or new models meanwhile cancel it.
        leptos::task::spawn_local(async move {
            let ready = self.real_data_ready(&resources, || true).await;
            let still_these_models = self.run.try_with_value(|r| r.may_step(ticket)) == Some(true);
            match ready {
                Ok(true) if still_these_models => {
                    if self.train_step(&resources) {
                        self.refresh_or_fail(&resources).await;
                    }
                }
                Err(text) => {
                    self.error.try_set(Some(text));
                }
                Ok(_) => {}
            }
        });
    }

    /// Forgets the models and what was drawn from them (the settings stay).
    pub fn reset(self) {
        self.forget_models();
        self.engine.set(None);
        self.clear_progress();
        self.error.set(None);
    }

    /// Draws the current models again (after the target changed, say), if there are any.
    pub fn redraw(self, resources: Arc<Resources>) {
        if self.has_model() && !self.state.get_untracked().is_active() {
            leptos::task::spawn_local(async move {
                self.refresh_or_fail(&resources).await;
            });
        }
    }
}

fn storage_key(mode: GanMode) -> &'static str {
    match mode {
        GanMode::Toy => keys::GAN_TOY,
        GanMode::Digits => keys::GAN_DIGITS,
    }
}

/// The watch counts refreshes, not steps (the numbers are read only then): D must have won at
/// ten refreshes in a row, several seconds of training, before a run counts as failed.
fn watch() -> DivergenceWatch {
    DivergenceWatch::with_patience(10)
}

/// Both sessions, provided once through context.
#[derive(Clone, Copy)]
pub struct GanSessions {
    pub toy: GanSession,
    pub digits: GanSession,
    pub shipped: shipped::ShippedGan,
}

impl GanSessions {
    pub fn new() -> Self {
        Self {
            toy: GanSession::new(GanMode::Toy),
            digits: GanSession::new(GanMode::Digits),
            shipped: shipped::ShippedGan::new(),
        }
    }
}

pub fn use_gan() -> GanSessions {
    expect_context()
}
