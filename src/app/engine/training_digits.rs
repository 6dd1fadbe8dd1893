//! The 8,000 training digits (`static/mnist-train.bin`, 1.3 MB of the 1.6 MB of digits). Only
//! the training lab, the GAN lab's digits, the applications and the teacher's replay use them, so
//! they are downloaded right after the first view appears instead of before it (issue #13: a
//! first visit in a few megabytes). Work that needs them waits for them; a failed download says
//! why and is retried from the view ("Retry"), never touching what already works.

use std::sync::{Arc, OnceLock};

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::late::{SlotState, WAIT_POLL_MS};
use super::resources::Resources;
use crate::app::web::fetch::fetch_bytes;
use crate::data::bundle::TRAIN_IMAGES;
use crate::data::{Dataset, Split};

const TRAIN_FILE: &str = "static/mnist-train.bin";

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

    /// The digits, once they are there.
    pub fn get(&self) -> Option<&Split> {
        self.split.get()
    }

    /// Waits for the digits; the download's failure is the error.
    pub async fn wait(&self) -> Result<&Split, String> {
        self.wait_while(|| true)
            .await?
            .ok_or_else(|| "stopped waiting for the training digits".into())
    }

    /// Waits for the digits as long as `still_wanted()` (a run not paused or stopped meanwhile):
    /// `Ok(None)` when it stopped being wanted first; the download's failure is the error.
    pub async fn wait_while(
        &self,
        still_wanted: impl Fn() -> bool,
    ) -> Result<Option<&Split>, String> {
        loop {
            if let Some(split) = self.split.get() {
                return Ok(Some(split));
            }
            match self.state.try_get_untracked() {
                Some(SlotState::Failed(why)) => return Err(why),
                None => return Err("the app was closed".into()),
                Some(_) if !still_wanted() => return Ok(None),
                Some(_) => TimeoutFuture::new(WAIT_POLL_MS).await,
            }
        }
    }
}

/// Downloads and checks the training digits, unless they are already there. Called once after
/// the first view appears and again by "Retry".
pub async fn load(resources: Arc<Resources>) {
    let digits = &resources.data.train;
    if digits.get().is_some() {
        return;
    }
    digits.state.try_set(SlotState::Loading(0.0));
    let outcome = async {
        let bytes = fetch_bytes(TRAIN_FILE).await?;
        Dataset::decode_train_file(&bytes, digits.seed).map_err(|e| e.to_string())
    }
    .await;
    match outcome {
        Ok(split) => {
            let _ = digits.split.set(split);
            digits.state.try_set(SlotState::Ready);
        }
        Err(why) => {
            log::warn!("loading the training digits failed: {why}");
            digits.state.try_set(SlotState::Failed(why));
        }
    }
}
