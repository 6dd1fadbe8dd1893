//! Retraining a student's CPU-engine run from its configuration and seed, step for step as the
//! lab trains (`crate::homework::replay` is the same loop, tested natively to be bit for bit
//! reproducible), yielding to the page between stretches of steps.

use burn::prelude::*;

use crate::app::engine::resources::Resources;
use crate::app::web::now_ms;
use crate::homework::replay::{Replay, weights_sha256};
use crate::homework::report::ReportRecord;
use crate::homework::verify::{Status, Verdict};
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
            verdict.messages.push(format!(
                "task {n}: trained on {}; graded by its recomputed metrics (WebGPU runs are not bit-reproducible)",
                task.engine.as_deref().unwrap_or("an unknown engine")
            ));
            continue;
        }
        let Ok((_, meta)) = trained_file::decode(&bytes, &Device::flex()) else {
            continue;
        };
        let steps = meta.history.last().map_or(0, |p| p.step) as u64;
        if steps > MAX_STEPS {
            verdict
                .messages
                .push(format!("task {n}: {steps} steps, too long to retrain here"));
            continue;
        }
        let retrained = match retrain(resources, &meta.config, steps as usize).await {
            Ok(hash) => hash,
            Err(why) => {
                verdict.messages.push(format!(
                    "task {n}: not retrained, the training digits could not be downloaded ({why}); press Retry above, then check the report again"
                ));
                continue;
            }
        };
        if Some(&retrained) == task.weights_sha256.as_ref() {
            verdict.messages.push(format!(
                "task {n}: retrained {steps} steps from seed {}: the same weights",
                meta.config.seed
            ));
        } else {
            let field = format!(
                "task {n} weights: retraining {steps} steps from the configuration and seed {} gives other weights (a run resumed after a reload cannot be retrained: the task must be trained in one go)",
                meta.config.seed
            );
            verdict.messages.push(field.clone());
            verdict.status = Status::Tampered { field };
        }
    }
}

/// The weights' hash after `steps` steps of `config` on the CPU engine, once the training
/// digits are there.
async fn retrain(
    resources: &Resources,
    config: &crate::model::lab::LabConfig,
    steps: usize,
) -> Result<String, String> {
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
