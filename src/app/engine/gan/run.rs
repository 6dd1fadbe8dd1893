//! The GAN loop: steps in tasks of the page (as many as fit in a few milliseconds for the tiny toy
//! models, one for digits), and a refresh of the numbers and pictures every so often (or after
//! every step in slow motion). A step's numbers stay on the device; the refresh reads the last
//! step's, so the curves have one point per refresh.

use std::sync::Arc;

use burn::prelude::*;
use leptos::prelude::*;

use super::{GanSession, ToySnapshot};
use crate::PIXELS;
use crate::app::engine::error::EngineError;
use crate::app::engine::models::read;
use crate::app::engine::resources::Resources;
use crate::app::engine::{Backend, EngineChoice};
use crate::app::web::now_ms;
use crate::app::web::turn::next_task;
use crate::gan::plot::ViewBox;
use crate::gan::settings::GanMode;
use crate::i18n::{Arg, Decimals, Text};
use crate::model::gan_history::GanRecord;
use crate::rng::seeded;
use crate::train::controller::{RunController, RunTicket};
use crate::train::gan::{Divergence, GanValues};

/// Refresh at most this often (ms): the toy animates; a digits refresh costs a grid read-back.
const TOY_REFRESH_MS: f64 = 120.0;
const DIGITS_REFRESH_MS: f64 = 700.0;
/// Toy steps per task on the CPU engine: as many as fit in this many ms.
const TOY_TASK_MS: f64 = 8.0;
/// Slow motion: this long between steps (ms).
const SLOW_MS: u32 = 450;
/// Save the models in the browser at most this often during a run (ms).
const SAVE_MS: f64 = 10_000.0;
/// On WebGPU steps queue up behind the page; wait for them after this many.
const GPU_UNREAD_LIMIT: usize = 8;
/// The toy plot: target samples, field cells per side, arrows.
const TOY_REAL: usize = 256;
pub const FIELD_CELLS: usize = 36;
const ARROWS: usize = 64;
/// Samples per row of the digits grid (8 × 8).
const GRID: usize = 8;

impl GanSession {
    /// Waits, as long as `still_wanted()`, for what the mode learns from: nothing for the toy,
    /// the training digits (downloaded after the first view) for digits. Ok(false) when no longer
    /// wanted first; Err with the message when the digits could not be downloaded.
    pub(super) async fn real_data_ready(
        &self,
        resources: &Resources,
        still_wanted: impl Fn() -> bool,
    ) -> Result<bool, Text> {
        if self.mode == GanMode::Toy {
            return Ok(true);
        }
        match resources.training_digits().wait_while(still_wanted).await {
            Ok(ready) => Ok(ready.is_some()),
            Err(why) => Err(Text::new("train-digits-failed").with("why", why)),
        }
    }

    /// The real batch of the next step: fresh samples of the target (toy), or the next batch of
    /// the training split in the epoch's order (digits; None before the digits are there, see
    /// `real_data_ready`).
    fn real_batch(&self, resources: &Resources) -> Option<Vec<f32>> {
        let (batch_size, seed) = self.settings.with_untracked(|s| (s.batch_size, s.seed));
        match self.mode {
            GanMode::Toy => {
                let toy = self.settings.with_untracked(|s| s.toy());
                self.toy_stream.try_update_value(|rng| {
                    let rng = rng.get_or_insert_with(|| seeded(seed.wrapping_add(5)));
                    toy.sample(batch_size, rng)
                })
            }
            GanMode::Digits => {
                let split = resources.training_digits().get()?;
                self.run.try_update_value(|run| {
                    split.batch(run.next_batch(split.len(), batch_size, seed))
                })
            }
        }
    }

    /// One generator step (after its D steps); its numbers stay on the device. False when there
    /// is no model.
    pub(super) fn train_step(&self, resources: &Resources) -> bool {
        let Some(real) = self.real_batch(resources) else {
            return false;
        };
        let Some((losses, _)) = self.run.try_update_value(|run| run.step(&real)).flatten() else {
            return false;
        };
        self.last.set_value(Some(losses));
        self.unread.update_value(|n| *n += 1);
        true
    }

    pub(super) fn steps_done(&self) -> usize {
        self.run.try_with_value(RunController::steps).unwrap_or(0)
    }

    pub(super) async fn run(self, resources: Arc<Resources>, ticket: RunTicket) {
        let this_run = || self.run.try_with_value(|r| r.is_run(ticket)) == Some(true);
        let going = || self.run.try_with_value(|r| r.going(ticket)) == Some(true);
        let refresh_ms = match self.mode {
            GanMode::Toy => TOY_REFRESH_MS,
            GanMode::Digits => DIGITS_REFRESH_MS,
        };
        // Pause, Stop or Reset during the wait end it with nothing trained.
        let ready = self.real_data_ready(&resources, going).await;
        match ready {
            Ok(true) => {}
            Ok(false) => {
                self.with_run(|r| r.wait_abandoned(ticket));
                return;
            }
            Err(text) => {
                if self.with_run(|r| r.wait_failed(ticket)) == Some(true) {
                    self.error.set(Some(text));
                }
                return;
            }
        }
        let (start_ms, start_step) = (now_ms(), self.steps_done());
        let mut last_refresh = 0.0;
        let mut fresh = false;
        while going() {
            // The target can change during a run: a drawing cleared leaves nothing to learn.
            if let Err(why) = self.settings.with_untracked(|s| s.validate(self.mode)) {
                self.error
                    .set(Some(Text::new("gan-cannot-start").with("why", why)));
                self.with_run(RunController::pause);
                break;
            }
            let slow = self.slow.get_untracked();
            let on_cpu = self.engine.get_untracked() == Some(Backend::Cpu);
            let task_start = now_ms();
            loop {
                if !self.train_step(&resources) {
                    return;
                }
                // The toy's steps are tiny: several per task on the CPU; one in slow motion, one
                // for digits, one on WebGPU (where a step is mostly waiting for the GPU).
                if slow
                    || self.mode == GanMode::Digits
                    || !on_cpu
                    || now_ms() - task_start > TOY_TASK_MS
                {
                    break;
                }
            }
            fresh = false;
            let elapsed = (now_ms() - start_ms) / 1000.0;
            self.speed
                .set((self.steps_done() - start_step) as f64 / elapsed.max(1e-3));
            if slow || now_ms() - last_refresh > refresh_ms {
                if !self.refresh_or_fail(&resources).await {
                    return;
                }
                fresh = true;
                last_refresh = now_ms();
                if now_ms() - self.saved_ms.get_value() > SAVE_MS && going() {
                    self.save_in_browser().await;
                }
            } else if !on_cpu
                && self.unread.get_value() >= GPU_UNREAD_LIMIT
                && let Err(why) = self.read_numbers().await
            {
                self.fail_engine(&resources, &why).await;
                return;
            }
            if slow {
                gloo_timers::future::TimeoutFuture::new(SLOW_MS).await;
            } else {
                next_task().await;
            }
        }
        if this_run() {
            if !fresh && !self.refresh_or_fail(&resources).await {
                return;
            }
            // A diverged run's models (NaN weights, or a D that has won) must not replace the
            // last good save.
            if self.with_run(|r| r.settle(ticket)) == Some(true) {
                self.save_in_browser().await;
            }
        }
    }

    /// Reads the last step's numbers into the history and watches them for divergence (which
    /// stops the run with advice). Err when the read-back failed.
    async fn read_numbers(&self) -> Result<(), EngineError> {
        let Some(losses) = self.last.try_update_value(Option::take).flatten() else {
            return Ok(());
        };
        self.unread.set_value(0);
        let step = self.steps_done();
        let model_gen = self.model_gen();
        let values = losses
            .stacked()
            .into_data_async()
            .await
            .map_err(|e| EngineError::Compute(format!("reading the losses failed: {e:?}")))?
            .try_into_vec::<f32>()
            .map_err(|e| EngineError::Compute(format!("unexpected loss type: {e:?}")))?;
        let values = GanValues::unpack(&values);
        if !self.is_model(model_gen) {
            return Ok(());
        }
        self.history
            .try_update(|h| h.push(GanRecord { step, values }));
        self.step.try_set(step);
        if let Some(divergence) = self
            .watch
            .try_update_value(|w| w.observe(&values))
            .flatten()
        {
            self.diverged(divergence, &values);
        }
        Ok(())
    }

    fn diverged(&self, divergence: Divergence, values: &GanValues) {
        let (g, d) = self
            .settings
            .with_untracked(|s| (s.g_learning_rate, s.d_learning_rate));
        let rate = |r: f64| Arg::Num(r, Decimals::UpTo(6));
        let text = match divergence {
            Divergence::NotFinite => Text::new("gan-diverged-not-finite")
                .with("step", self.steps_done())
                .with("g", rate(g))
                .with("d", rate(d)),
            Divergence::DiscriminatorWins => Text::new("gan-diverged-d-wins")
                .with("step", self.steps_done())
                .with(
                    "dfake",
                    Arg::Num(f64::from(values.d_fake), Decimals::UpTo(5)),
                ),
        };
        self.with_run(RunController::diverge);
        self.error.set(Some(text));
    }

    /// The numbers, then the pictures; Err when something could not be read back.
    pub(super) async fn refresh(&self) -> Result<(), EngineError> {
        self.read_numbers().await?;
        match self.mode {
            GanMode::Toy => self.draw_toy().await,
            GanMode::Digits => self.draw_grid().await,
        }
    }

    /// A refresh; on a failed read-back the engine is given up on (see `fail_engine`).
    pub(super) async fn refresh_or_fail(&self, resources: &Arc<Resources>) -> bool {
        match self.refresh().await {
            Ok(()) => true,
            Err(why) => {
                self.fail_engine(resources, &why).await;
                false
            }
        }
    }

    /// A read-back failed: the models lived on the failed engine and cannot be read any more.
    /// On WebGPU the app switches to the CPU engine and the models go back to the copy saved in
    /// the browser (at most `SAVE_MS` old), paused: Start trains on from there. Otherwise, or with
    /// nothing saved, the run ends (the settings stay) and Start trains afresh.
    pub(super) async fn fail_engine(&self, resources: &Arc<Resources>, why: &EngineError) {
        let on_gpu = self.engine.get_untracked() == Some(Backend::WebGpu);
        if on_gpu {
            resources
                .fall_back_to_cpu(Text::new("webgpu-failed-training").with("why", why.clone()));
            self.wanted.set(EngineChoice::Cpu);
        }
        self.forget_models();
        if on_gpu && let Some(step) = self.back_to_saved().await {
            self.error.set(Some(
                Text::new("gan-continues-on-cpu")
                    .with("why", why)
                    .with("step", step),
            ));
            return;
        }
        self.error
            .set(Some(Text::new("gan-engine-failed").with("why", why)));
    }

    /// The toy's points, field and arrows for the current models.
    async fn draw_toy(&self) -> Result<(), EngineError> {
        let view = ViewBox::default();
        let cells = view.cell_centres(FIELD_CELLS);
        let (toy, seed) = self.settings.with_untracked(|s| (s.toy(), s.seed));
        let model_gen = self.model_gen();
        // G's points, D's field and the arrows' gradients, read back in one go (each read-back
        // waits for the GPU). The arrows start at the first `ARROWS` points: the same z.
        let Some(picture) = self
            .run
            .try_with_value(|r| {
                r.trainer().map(|t| {
                    let noise = t.fixed_noise();
                    let k = t.config.generator.noise;
                    let flat = |x: Tensor<2>| {
                        let n = x.dims().iter().product::<usize>();
                        x.reshape([1, n])
                    };
                    Tensor::cat(
                        vec![
                            flat(t.sample(noise)),
                            flat(t.discriminator_field(&cells, &cells)),
                            flat(t.generator_gradients(&noise[..ARROWS * k]).gradients),
                        ],
                        1,
                    )
                })
            })
            .flatten()
        else {
            return Ok(());
        };
        let mut values = read(picture).await?;
        if !self.is_model(model_gen) {
            return Ok(());
        }
        let gradients = values.split_off(values.len() - 2 * ARROWS);
        let field = values.split_off(values.len() - FIELD_CELLS * FIELD_CELLS);
        let fake = values;
        self.toy.try_set(Some(ToySnapshot {
            real: toy.sample(TOY_REAL, &mut seeded(seed)),
            arrow_points: fake[..2 * ARROWS].to_vec(),
            fake,
            field,
            field_cells: FIELD_CELLS,
            gradients,
        }));
        Ok(())
    }

    /// The 8 × 8 grid of G's samples for the fixed noise batch.
    async fn draw_grid(&self) -> Result<(), EngineError> {
        let model_gen = self.model_gen();
        let Some(samples) = self
            .run
            .try_with_value(|r| r.trainer().map(|t| t.sample_fixed()))
            .flatten()
        else {
            return Ok(());
        };
        let images = read(samples).await?;
        if !self.is_model(model_gen) {
            return Ok(());
        }
        let rows = images.chunks(GRID * PIXELS).map(<[f32]>::to_vec).collect();
        self.grid.try_set(rows);
        Ok(())
    }
}
