//! The training loop: one optimiser step per task of the page, and a refresh of the losses, the
//! test loss, the reconstruction grid and the latent map at most every 0.7 s, in tasks of its own.
//!
//! A step does only what the next step needs: its batch (the epoch's order is kept, not
//! reshuffled) and the update. Its losses stay on the device until the refresh reads the steps
//! since the last one in a single read-back (see `pending`); a loss that diverged is found there,
//! and the run stops at that refresh.

use std::sync::Arc;

use crate::app::engine::error::EngineError;
use crate::i18n::{Arg, Decimals, Text, tk};

use burn::prelude::*;
use leptos::prelude::*;

use super::pending::{self, PendingStep, in_flight_limit};
use super::{Speed, TrainSession};
use crate::PIXELS;
use crate::analysis::latent_map::MapPoints;
use crate::app::engine::models::read;
use crate::app::engine::resources::Resources;
use crate::app::engine::{Backend, EngineChoice};
use crate::app::web::now_ms;
use crate::app::web::turn::next_task;
use crate::data::Split;
use crate::model::history::LossValues;
use crate::model::lab::LabLoss;
use crate::train::controller::{RunController, RunTicket};
use crate::train::lab::diverged;

/// Test digits in the reconstruction grid, and in the test-loss subset.
const GRID_DIGITS: usize = 16;
const TEST_SUBSET: usize = 256;
/// Test digits on the evolving latent map of a 2-D model.
const MAP_DIGITS: usize = 500;
/// Refresh the chart, the grid and the map at most this often (ms).
const REFRESH_MS: f64 = 700.0;
/// Show the step counter and the speed at most this often (ms) between refreshes.
const PROGRESS_MS: f64 = 100.0;
/// Save the model in the browser at most this often while a run goes on (ms): a reload, a crash
/// or a lost GPU loses at most these seconds of training.
const SAVE_MS: f64 = 5000.0;

impl TrainSession {
    /// The batch of the next step: each epoch visits the training split in a fresh order, shuffled
    /// once at the epoch's first step.
    fn batch(&self, split: &Split) -> Vec<f32> {
        let (batch_size, seed) = self.config.with_untracked(|c| (c.batch_size, c.seed));
        self.run
            .try_update_value(|run| split.batch(run.next_batch(split.len(), batch_size, seed)))
            .unwrap_or_default()
    }

    /// One optimiser step on a batch of `train`; its losses stay on the device until the next
    /// read. False when there is no model to train.
    pub(super) fn train_step(&self, train: &Split) -> bool {
        let batch = self.batch(train);
        let Some((loss, step)) = self.run.try_update_value(|run| run.step(&batch)).flatten() else {
            return false;
        };
        let epoch = self.progress_at(train.len(), step).epoch_of(step);
        self.pending
            .update_value(|p| p.push(PendingStep { step, epoch, loss }));
        true
    }

    /// Reads the losses of the steps trained since the last read into the history (the chart is
    /// redrawn by `refresh`), and shows the step count and the last loss. A loss that diverged
    /// stops the run and says why. Err when the read-back failed (the engine is lost).
    async fn read_losses(&self) -> Result<(), EngineError> {
        let steps = self
            .pending
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if steps.is_empty() {
            self.show_progress();
            return Ok(());
        }
        let model_gen = self.model_gen();
        let points = pending::read(steps).await?;
        if !self.is_model(model_gen) {
            // The model was replaced meanwhile: these losses went with it.
            return Ok(());
        }
        let diverged_at = points
            .iter()
            .find(|p| diverged(p.train_total))
            .map(|p| (p.step, p.train_total));
        self.history.update_untracked(|history| {
            let in_order = match (history.last(), points.first()) {
                (Some(last), Some(first)) => last.step < first.step,
                _ => true,
            };
            history.extend(points);
            // Two reads in flight at once (a refresh and Stop's) may land in either order.
            if !in_order {
                history.sort_by_key(|p| p.step);
            }
        });
        self.last_loss.set(
            self.history
                .with_untracked(|h| h.last().map(|p| p.train_total)),
        );
        self.show_progress();
        if let Some((step, loss)) = diverged_at {
            let rate = self.config.with_untracked(|c| c.learning_rate);
            self.with_run(RunController::diverge);
            self.error.set(Some(
                Text::new("train-diverged")
                    .with("loss", format!("{loss}"))
                    .with("step", step)
                    .with("rate", Arg::Num(rate, Decimals::UpTo(6)))
                    .with("lower", Arg::Num(rate / 10.0, Decimals::UpTo(7))),
            ));
        }
        Ok(())
    }

    /// Shows the steps done (the progress bar and the step counter follow it).
    fn show_progress(&self) {
        let done = self.done();
        if self.step.get_untracked() != done {
            self.step.set(done);
        }
    }

    /// A read-back failed. The weights live on the failed engine and cannot be read any more, so
    /// the model goes back to the one saved last (at most `SAVE_MS` old) on the CPU engine, paused:
    /// Start trains on from there. With nothing saved in this visit, the run ends and the next
    /// Start trains afresh (on the CPU if WebGPU failed).
    async fn fail_engine(&self, resources: &Arc<Resources>, why: &EngineError) {
        if self.engine.get_untracked() == Some(Backend::WebGpu) {
            resources
                .fall_back_to_cpu(Text::new("webgpu-failed-training").with("why", why.clone()));
            self.wanted.set(EngineChoice::Cpu);
            if let Some(step) = self.back_to_last_save(resources.clone()).await {
                self.error.set(Some(
                    Text::new("train-continues-on-cpu")
                        .with("why", why)
                        .with("step", step),
                ));
                return;
            }
        }
        self.with_run(RunController::fail);
        self.pending.set_value(Vec::new());
        let key = if self.wanted.get_untracked() == EngineChoice::Cpu {
            tk("train-stopped-cpu")
        } else {
            tk("train-stopped")
        };
        self.error.set(Some(Text::new(key).with("why", why)));
    }

    /// A refresh; when the losses cannot be read back, the engine is given up on (see
    /// `fail_engine`) and false returned.
    pub(super) async fn refresh_or_fail(&self, resources: &Arc<Resources>) -> bool {
        match self.refresh(resources).await {
            Ok(()) => true,
            Err(why) => {
                self.fail_engine(resources, &why).await;
                false
            }
        }
    }

    pub(super) async fn run(self, resources: Arc<Resources>, ticket: RunTicket) {
        let this_run = || self.run.try_with_value(|r| r.is_run(ticket)) == Some(true);
        let going = || self.run.try_with_value(|r| r.going(ticket)) == Some(true);
        // Downloaded after the first view: a Start pressed before they are there waits for them,
        // and Pause or Stop meanwhile end the wait with nothing trained.
        let train = match resources.training_digits().wait_while(going).await {
            Ok(Some(train)) => train,
            Ok(None) => {
                self.with_run(|r| r.wait_abandoned(ticket));
                return;
            }
            Err(why) => {
                if self.with_run(|r| r.wait_failed(ticket)) == Some(true) {
                    self.error
                        .set(Some(Text::new("train-digits-failed").with("why", why)));
                }
                return;
            }
        };
        let total = self.progress_at(train.len(), 0).total();
        let (start_ms, start_step) = (now_ms(), self.done());
        let batch_size = self.config.with_untracked(|c| c.batch_size);
        let (mut last_refresh, mut last_progress) = (0.0, 0.0);
        // Whether the model has not changed since the last refresh.
        let mut fresh = false;
        while going() {
            if self.done() >= total {
                self.with_run(RunController::finish);
                break;
            }
            if !self.train_step(train) {
                break;
            }
            fresh = false;
            let done = self.done();
            let elapsed = (now_ms() - start_ms) / 1000.0;
            let steps_per_s = (done - start_step) as f64 / elapsed.max(1e-3);
            if now_ms() - last_progress > PROGRESS_MS {
                self.speed.set(Speed {
                    images_per_s: steps_per_s * batch_size as f64,
                    seconds_left: (total - done) as f64 / steps_per_s.max(1e-9),
                });
                self.show_progress();
                last_progress = now_ms();
            }
            let waiting = self.pending.with_value(Vec::len);
            if now_ms() - last_refresh > REFRESH_MS {
                if !self.refresh_or_fail(&resources).await {
                    return;
                }
                fresh = true;
                last_refresh = now_ms();
                if now_ms() - self.last_save_ms() > SAVE_MS && going() {
                    self.save_progress().await;
                }
            } else if waiting >= in_flight_limit(steps_per_s, REFRESH_MS) {
                // WebGPU runs behind the page: wait for it (reading what it has done so far).
                if let Err(why) = self.read_losses().await {
                    self.fail_engine(&resources, &why).await;
                    return;
                }
            }
            // Give the browser a turn: input, painting, other views.
            next_task().await;
        }
        if this_run() {
            // The step in flight when Pause was pressed has finished. What the page shows (the
            // step count, the losses, the grid) catches up with the model first, so that "paused"
            // means what is shown is the model that will be saved or exported (on WebGPU the
            // steps' losses are still on the device, and reading them takes a while).
            if !fresh && !self.refresh_or_fail(&resources).await {
                return;
            }
            if self.with_run(|r| r.settle(ticket)) == Some(true) {
                self.publish(&resources).await;
            }
        }
    }

    /// The losses read so far (see `read_losses`), then the test loss, the reconstruction grid
    /// and (2-D codes) the latent map of the current model, each in a task of its own so that the
    /// page stays responsive. Err only when the losses could not be read back.
    pub(super) async fn refresh(&self, resources: &Resources) -> Result<(), EngineError> {
        self.read_losses().await?;
        let model_gen = self.model_gen();
        let same_model = || self.is_model(model_gen);
        let Some(model) = self
            .run
            .with_value(|r| r.trainer().map(|t| t.model().valid()))
        else {
            self.history.notify();
            return Ok(());
        };
        let device = model.code.weight.device();
        let test_images = resources
            .test_digits()
            .batch(&(0..TEST_SUBSET.min(resources.test_digits().len())).collect::<Vec<_>>());
        next_task().await;
        if !same_model() {
            return Ok(());
        }
        let loss = self
            .run
            .try_with_value(|r| r.trainer().map(|t| t.evaluate(&test_images, 3)))
            .flatten();
        if let Some(loss) = loss {
            match read_losses(loss).await {
                Ok(values) if same_model() => self.history.update_untracked(|history| {
                    if let Some(last) = history.last_mut() {
                        last.test_total = Some(values.total);
                    }
                }),
                Ok(_) => return Ok(()),
                Err(why) => self.refresh_failed(tk("refresh-test-loss"), &why.to_string()),
            }
        }
        // The chart redraws from the history, in a task of its own.
        next_task().await;
        self.history.notify();
        next_task().await;
        if !same_model() {
            return Ok(());
        }

        let grid = &test_images[..GRID_DIGITS * PIXELS];
        let x = Tensor::from_data(
            TensorData::new(grid.to_vec(), [GRID_DIGITS, PIXELS]),
            &device,
        );
        match read(model.reconstruct(x)).await {
            Ok(r) if same_model() => self.recon.set(vec![grid.to_vec(), r]),
            Ok(_) => return Ok(()),
            Err(why) => self.refresh_failed(tk("refresh-reconstructions"), &why.to_string()),
        }
        if model.latent() != 2 {
            self.map.set(None);
            return Ok(());
        }
        next_task().await;
        if !same_model() {
            return Ok(());
        }
        let idx: Vec<usize> = (0..MAP_DIGITS.min(resources.test_digits().len())).collect();
        let x = Tensor::from_data(
            TensorData::new(resources.test_digits().batch(&idx), [idx.len(), PIXELS]),
            &device,
        );
        match read(model.encode(x)).await {
            Ok(codes) if same_model() => {
                let points = codes.chunks_exact(2).map(|c| [c[0], c[1]]).collect();
                self.map.set(Some(MapPoints::new(
                    points,
                    &resources.test_digits().labels[..idx.len()],
                )));
            }
            Ok(_) => {}
            Err(why) => self.refresh_failed(tk("refresh-latent-map"), &why.to_string()),
        }
        Ok(())
    }

    /// A refresh could not read something back: say so (the training itself goes on).
    fn refresh_failed(&self, what: &'static str, why: &str) {
        self.notice.set(Some(
            Text::new("refresh-failed")
                .with("what", Text::new(what))
                .with("why", why),
        ));
    }
}

/// Reads the losses of one evaluation back in one go.
async fn read_losses(loss: LabLoss) -> Result<LossValues, EngineError> {
    let (stacked, has_kl, has_penalty) = loss.stacked();
    let values = stacked
        .into_data_async()
        .await
        .map_err(|e| EngineError::Compute(format!("reading the loss failed: {e:?}")))?
        .try_into_vec::<f32>()
        .map_err(|e| EngineError::Compute(format!("unexpected loss type: {e:?}")))?;
    LossValues::unpack(&values, has_kl, has_penalty)
        .map_err(|e| EngineError::Compute(e.to_string()))
}
