//! The shipped models the draw view does not need (the denoising and inpainting AEs of the noise
//! lab, the 2-D AE and VAE of the latent maps): downloaded right after start-up, all at once, so
//! the first view appears sooner. Each has its own slot (loading with its progress, ready, or
//! failed with the reason) that views read through a signal; work that needs a model waits for
//! its slot, and a failed download is retried on its own, never touching what already works.
//! The downloads themselves are the loader's (`loader::load_late_model`).

use std::sync::OnceLock;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use super::error::EngineError;
use crate::model::manifest::Manifest;
use crate::model::pretrained::Shipped;

/// The models loaded after start-up.
pub const LATE: [Shipped; 4] = [
    Shipped::Dae16,
    Shipped::Inpaint16,
    Shipped::Ae2,
    Shipped::Vae2,
];

/// How often work waiting for a download (a model's slot, the training digits) looks again.
pub(super) const WAIT_POLL_MS: u32 = 50;

/// Where one model's download stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SlotState {
    /// Downloading or building; the fraction done.
    Loading(f32),
    Ready,
    /// What failed, in technical words (the view says what to do in the student's language).
    Failed(EngineError),
}

/// The slot of every model in [`LATE`], with its manifest once downloaded.
pub struct LateModels {
    slots: [RwSignal<SlotState>; LATE.len()],
    manifests: [OnceLock<Manifest>; LATE.len()],
}

impl Default for LateModels {
    fn default() -> Self {
        Self {
            slots: std::array::from_fn(|_| RwSignal::new(SlotState::Loading(0.0))),
            manifests: Default::default(),
        }
    }
}

fn index(model: Shipped) -> usize {
    LATE.iter()
        .position(|&m| m == model)
        .expect("a model loaded after start-up")
}

impl LateModels {
    /// The slot of `model` (one of [`LATE`]).
    pub fn state(&self, model: Shipped) -> RwSignal<SlotState> {
        self.slots[index(model)]
    }

    /// The manifest of `model`, once it has been downloaded.
    pub fn manifest(&self, model: Shipped) -> Option<&Manifest> {
        self.manifests[index(model)].get()
    }

    /// Keeps the manifest of `model`, downloaded (the first one given stays).
    pub(super) fn keep_manifest(&self, model: Shipped, manifest: Manifest) {
        let _ = self.manifests[index(model)].set(manifest);
    }

    /// Waits until every one of `models` is ready; the first failure is the error.
    pub async fn wait_for(&self, models: &[Shipped]) -> Result<(), EngineError> {
        loop {
            let mut ready = true;
            for &model in models {
                match self.state(model).try_get_untracked() {
                    Some(SlotState::Ready) => {}
                    Some(SlotState::Failed(why)) => return Err(why),
                    Some(SlotState::Loading(_)) => ready = false,
                    None => return Err(EngineError::Closed),
                }
            }
            if ready {
                return Ok(());
            }
            TimeoutFuture::new(WAIT_POLL_MS).await;
        }
    }
}
