//! The losses of steps trained but not yet read: they stay on the device, and the steps since the
//! last read are read back together, asynchronously, at refresh time. A read-back per step would
//! make WebGPU wait for every step in turn, and cost a task of the page each time.

use burn::prelude::*;

use crate::app::engine::error::EngineError;
use crate::model::history::{HistoryPoint, LossLayout, unpack_steps};
use crate::model::lab::LabLoss;

/// One step whose losses are still on the device.
#[derive(Clone)]
pub(super) struct PendingStep {
    /// Counted from 1.
    pub step: usize,
    /// Counted from 0.
    pub epoch: usize,
    pub loss: LabLoss,
}

/// The history points of `steps`, from one read-back of all their losses.
pub(super) async fn read(steps: Vec<PendingStep>) -> Result<Vec<HistoryPoint>, EngineError> {
    if steps.is_empty() {
        return Ok(Vec::new());
    }
    let mut parts = Vec::new();
    let mut layouts: Vec<LossLayout> = Vec::with_capacity(steps.len());
    let mut points = Vec::with_capacity(steps.len());
    for s in steps {
        let (mut these, kl, penalty) = s.loss.parts();
        parts.append(&mut these);
        layouts.push((kl, penalty));
        points.push((s.step, s.epoch));
    }
    let values = Tensor::cat(parts, 0)
        .into_data_async()
        .await
        .map_err(|e| EngineError::Compute(format!("reading the loss failed: {e:?}")))?
        .try_into_vec::<f32>()
        .map_err(|e| EngineError::Compute(format!("unexpected loss type: {e:?}")))?;
    let losses =
        unpack_steps(&values, &layouts).map_err(|e| EngineError::Compute(e.to_string()))?;
    Ok(points
        .into_iter()
        .zip(&losses)
        .map(|((step, epoch), losses)| HistoryPoint::new(step, epoch, losses))
        .collect())
}

/// At most this many steps may wait on the device before their losses are read, for a run at
/// `steps_per_s`: about two refreshes' worth. On WebGPU the page can queue steps faster than the
/// GPU runs them; the read then waits for the GPU, so a pause or a refresh never waits behind
/// more than this.
pub(super) fn in_flight_limit(steps_per_s: f64, refresh_ms: f64) -> usize {
    (2.0 * steps_per_s * refresh_ms / 1000.0).clamp(2.0, 512.0) as usize
}
