//! The training loop: one optimiser step at a time, yielding to the browser between steps, and a
//! refresh of the test loss, the reconstruction grid and the latent map at most every 0.7 s.

use std::sync::Arc;

use crate::i18n::{Arg, Decimals, Text, tk};

use burn::prelude::*;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::{RunState, Speed, TrainSession};
use crate::PIXELS;
use crate::analysis::latent_map::MapPoints;
use crate::app::engine::models::read;
use crate::app::engine::resources::Resources;
use crate::app::engine::{Backend, EngineChoice};
use crate::app::web::now_ms;
use crate::model::history::{HistoryPoint, LossValues};
use crate::model::lab::LabLoss;
use crate::train::batches::batch_at;
use crate::train::lab::diverged;

/// Test digits in the reconstruction grid, and in the test-loss subset.
const GRID_DIGITS: usize = 16;
const TEST_SUBSET: usize = 256;
/// Test digits on the evolving latent map of a 2-D model.
const MAP_DIGITS: usize = 500;
/// Refresh the chart, the grid and the map at most this often (ms).
const REFRESH_MS: f64 = 700.0;
/// Save the model in the browser at most this often while a run goes on (ms): a reload, a crash
/// or a lost GPU loses at most these seconds of training.
const SAVE_MS: f64 = 5000.0;

impl TrainSession {
    /// The batch of the current step: each epoch visits the training split in a fresh order.
    fn batch(&self, lab: &Resources) -> Vec<f32> {
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
    pub(super) async fn train_step(&self, lab: &Arc<Resources>) -> bool {
        let batch = self.batch(lab);
        let Some(loss) = self
            .trainer
            .try_update_value(|t| t.as_mut().map(|t| t.step(&batch)))
            .flatten()
        else {
            return false;
        };
        let losses = match read_losses(loss).await {
            Ok(v) => v,
            Err(why) => {
                self.fail_engine(lab, &why).await;
                return false;
            }
        };
        let step = self.step.get_untracked() + 1;
        let epoch = self.progress_untracked(lab.data.train.len()).epoch_of(step);
        self.step.set(step);
        self.last_loss.set(Some(losses.total));
        self.log
            .update_value(|log| log.push(HistoryPoint::new(step, epoch, &losses)));
        if diverged(losses.total) {
            let rate = self.config.with_untracked(|c| c.learning_rate);
            self.state.set(RunState::Diverged);
            self.error.set(Some(
                Text::new("train-diverged")
                    .with("loss", format!("{}", losses.total))
                    .with("step", step)
                    .with("rate", Arg::Num(rate, Decimals::UpTo(6)))
                    .with("lower", Arg::Num(rate / 10.0, Decimals::UpTo(7))),
            ));
            self.history.set(self.log.get_value());
            return false;
        }
        true
    }

    /// A read-back failed. The weights live on the failed engine and cannot be read any more, so
    /// the model goes back to the one saved last (at most `SAVE_MS` old) on the CPU engine, paused:
    /// Start trains on from there. With nothing saved in this visit, the run ends and the next
    /// Start trains afresh (on the CPU if WebGPU failed).
    async fn fail_engine(&self, lab: &Arc<Resources>, why: &str) {
        if self.engine.get_untracked() == Some(Backend::WebGpu) {
            lab.fall_back_to_cpu(Text::new("webgpu-failed-training").with("why", why));
            self.wanted.set(EngineChoice::Cpu);
            if let Some(step) = self.back_to_last_save(lab.clone()).await {
                self.error.set(Some(
                    Text::new("train-continues-on-cpu")
                        .with("why", why)
                        .with("step", step),
                ));
                return;
            }
        }
        self.trainer.set_value(None);
        self.state.set(RunState::Idle);
        let key = if self.wanted.get_untracked() == EngineChoice::Cpu {
            tk("train-stopped-cpu")
        } else {
            tk("train-stopped")
        };
        self.error.set(Some(Text::new(key).with("why", why)));
    }

    pub(super) async fn run(self, lab: Arc<Resources>, id: u64) {
        let total = self.progress_untracked(lab.data.train.len()).total();
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
                if now_ms() - self.last_save_ms() > SAVE_MS
                    && self.run_id.try_get_value() == Some(id)
                {
                    self.save_progress().await;
                }
            }
            // Give the browser a turn: input, painting, other views.
            TimeoutFuture::new(0).await;
        }
        if self.run_id.try_get_value() == Some(id) {
            // The step in flight when Pause was pressed has finished: now the run is paused.
            if self.state.get_untracked() == RunState::Pausing {
                self.state.set(RunState::Paused);
            }
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
    pub(super) async fn refresh(&self, lab: &Resources) {
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
        if let Some(loss) = loss {
            match read_losses(loss).await {
                Ok(values) => self.log.update_value(|log| {
                    if let Some(last) = log.last_mut() {
                        last.test_total = Some(values.total);
                    }
                }),
                Err(why) => self.refresh_failed(tk("refresh-test-loss"), &why),
            }
        }
        self.history.set(self.log.get_value());

        let grid = &test_images[..GRID_DIGITS * PIXELS];
        let x = Tensor::from_data(
            TensorData::new(grid.to_vec(), [GRID_DIGITS, PIXELS]),
            &device,
        );
        match read(model.reconstruct(x)).await {
            Ok(r) => self.recon.set(vec![grid.to_vec(), r]),
            Err(why) => self.refresh_failed(tk("refresh-reconstructions"), &why),
        }
        if model.latent() != 2 {
            self.map.set(None);
            return;
        }
        let idx: Vec<usize> = (0..MAP_DIGITS.min(lab.data.test.len())).collect();
        let x = Tensor::from_data(
            TensorData::new(lab.data.test.batch(&idx), [idx.len(), PIXELS]),
            &device,
        );
        match read(model.encode(x)).await {
            Ok(codes) => {
                let points = codes.chunks_exact(2).map(|c| [c[0], c[1]]).collect();
                self.map.set(Some(MapPoints::new(
                    points,
                    &lab.data.test.labels[..idx.len()],
                )));
            }
            Err(why) => self.refresh_failed(tk("refresh-latent-map"), &why),
        }
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

/// Reads a step's losses back in one go.
async fn read_losses(loss: LabLoss) -> Result<LossValues, String> {
    let (stacked, has_kl, has_penalty) = loss.stacked();
    let values = stacked
        .into_data_async()
        .await
        .map_err(|e| format!("reading the loss failed: {e:?}"))?
        .try_into_vec::<f32>()
        .map_err(|e| format!("unexpected loss type: {e:?}"))?;
    LossValues::unpack(&values, has_kl, has_penalty)
}
