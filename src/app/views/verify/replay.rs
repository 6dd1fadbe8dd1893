//! Retraining a student's CPU-engine run from its configuration and seed, step for step as the
//! lab trains (`crate::homework::replay` is the same loop, tested natively to be bit for bit
//! reproducible), yielding to the page between stretches of steps.

use burn::prelude::*;

use crate::app::engine::error::EngineError;
use crate::app::engine::resources::Resources;
use crate::app::web::now_ms;
use crate::homework::replay::{Replay, weights_sha256};
use crate::homework::report::ReportRecord;
use crate::homework::verify::{Status, Verdict};
use crate::i18n::{Arg, Text};
use crate::model::trained_file;

/// Runs longer than this are not retrained (a note says so); a task's runs are far shorter.
const MAX_STEPS: u64 = 5_000;

/// Retrains every CPU-engine model of the report and marks the verdict when the weights differ.
pub async fn check_retraining(resources: &Resources, record: &ReportRecord, verdict: &mut Verdict) {
    for task in &record.tasks {
        let Ok(Some(bytes)) = task.model_bytes() else {
            continue;
        };
        let n = task.task;
        if task.engine.as_deref() != Some("cpu") {
            let engine = match task.engine.as_deref() {
                Some(engine) => Arg::from(engine),
                None => Arg::from(Text::new("verify-unknown-engine")),
            };
            verdict.messages.push(
                Text::new("verify-trained-elsewhere")
                    .with("n", n)
                    .with("engine", engine),
            );
            continue;
        }
        let Ok((_, meta)) = trained_file::decode(&bytes, &Device::flex()) else {
            continue;
        };
        let steps = meta.history.last().map_or(0, |p| p.step) as u64;
        if steps > MAX_STEPS {
            verdict.messages.push(
                Text::new("verify-too-long")
                    .with("n", n)
                    .with("steps", steps),
            );
            continue;
        }
        let retrained = match retrain(resources, &meta.config, steps as usize).await {
            Ok(hash) => hash,
            Err(why) => {
                verdict.messages.push(
                    Text::new("verify-digits-missing")
                        .with("n", n)
                        .with("why", why),
                );
                continue;
            }
        };
        // Seeds are names of runs, written without separators.
        let seed = meta.config.seed.to_string();
        if Some(&retrained) == task.weights_sha256.as_ref() {
            verdict.messages.push(
                Text::new("verify-retrained-same")
                    .with("n", n)
                    .with("steps", steps)
                    .with("seed", seed),
            );
        } else {
            verdict.messages.push(
                Text::new("verify-retrained-differs")
                    .with("n", n)
                    .with("steps", steps)
                    .with("seed", seed),
            );
            verdict.status = Status::Tampered {
                field: format!("task {n} weights"),
            };
        }
    }
}

/// The weights' hash after `steps` steps of `config` on the CPU engine, once the training
/// digits are there.
async fn retrain(
    resources: &Resources,
    config: &crate::model::lab::LabConfig,
    steps: usize,
) -> Result<String, EngineError> {
    let train = resources.training_digits().wait().await?;
    let mut replay = Replay::new(config, &Device::flex());
    let mut slice_start = now_ms();
    for _ in 0..steps {
        replay.step(train);
        if now_ms() - slice_start > 50.0 {
            gloo_timers::future::TimeoutFuture::new(0).await;
            slice_start = now_ms();
        }
    }
    Ok(weights_sha256(&replay.model()))
}
