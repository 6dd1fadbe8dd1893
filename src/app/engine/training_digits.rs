//! The 8,000 training digits (`static/mnist-train.bin`, 1.3 MB of the 1.6 MB of digits). Only
//! the training lab, the GAN lab's digits, the applications and the teacher's replay use them, so
//! they are downloaded right after the first view appears instead of before it (issue #13: a
//! first visit in a few megabytes). Work that needs them waits for them; a failed download says
//! why and is retried from the view ("Retry"), never touching what already works. The download
//! itself is the loader's (`loader::load_training_digits`).

use std::sync::OnceLock;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::error::EngineError;
use super::late::{SlotState, WAIT_POLL_MS};
use crate::data::Split;
use crate::data::bundle::TRAIN_IMAGES;

/// The training split: on its way, there, or failed with the reason.
pub struct TrainingDigits {
    /// The seed of the test split already loaded: the training file must come from the same split.
    seed: u32,
    state: RwSignal<SlotState>,
    split: OnceLock<Split>,
}

impl TrainingDigits {
    pub fn new(seed: u32) -> Self {
        Self {
            seed,
            state: RwSignal::new(SlotState::Loading(0.0)),
            split: OnceLock::new(),
        }
    }

    /// How many digits the split holds, known before they arrive (the file must hold exactly
    /// these), so progress and epochs can be shown at once.
    pub fn count(&self) -> usize {
        TRAIN_IMAGES
    }

    /// Where the download stands (a signal for the views).
    pub fn state(&self) -> RwSignal<SlotState> {
        self.state
    }

    /// The seed of the test split: the training file must come from the same split.
    pub(super) fn seed(&self) -> u32 {
        self.seed
    }

    /// Keeps the downloaded digits and marks them ready (the first ones given stay).
    pub(super) fn arrived(&self, split: Split) {
        let _ = self.split.set(split);
        self.state.try_set(SlotState::Ready);
    }

    /// The digits, once they are there.
    pub fn get(&self) -> Option<&Split> {
        self.split.get()
    }

    /// Waits for the digits; the download's failure is the error.
    pub async fn wait(&self) -> Result<&Split, EngineError> {
        self.wait_while(|| true)
            .await?
            .ok_or(EngineError::StoppedWaiting("the training digits"))
    }

    /// Waits for the digits as long as `still_wanted()` (a run not paused or stopped meanwhile):
    /// `Ok(None)` when it stopped being wanted first; the download's failure is the error.
    pub async fn wait_while(
        &self,
        still_wanted: impl Fn() -> bool,
    ) -> Result<Option<&Split>, EngineError> {
        loop {
            if let Some(split) = self.split.get() {
                return Ok(Some(split));
            }
            match self.state.try_get_untracked() {
                Some(SlotState::Failed(why)) => return Err(why),
                None => return Err(EngineError::Closed),
                Some(_) if !still_wanted() => return Ok(None),
                Some(_) => TimeoutFuture::new(WAIT_POLL_MS).await,
            }
        }
    }
}
