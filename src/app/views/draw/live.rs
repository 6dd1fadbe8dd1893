//! The live reconstruction: the pad's digit through both models on the chosen engine, again
//! whenever the digit or the engine choice changes, with the VAE's loss terms for the formulas.

use leptos::prelude::*;

use crate::analysis::elbo::ElboTerms;
use crate::app::components::messages::TaskErrors;
use crate::app::engine::models::{Codes, Reconstruction};
use crate::app::engine::resources::Resources;
use crate::app::engine::{Backend, EngineChoice, Family, LatentSize};
use crate::app::state::{CurrentDigit, ResourceHandle};
use crate::app::web::now_ms;
use crate::app::web::runner::LatestRunner;
use crate::i18n::tk;

/// The last reconstruction, with where and how fast it ran, and the VAE's loss terms.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveResult {
    pub recon: Reconstruction,
    pub engine: Backend,
    pub ms: f64,
    /// The negative ELBO's two terms for this digit (`None` if the encoder failed).
    pub elbo: Option<ElboTerms>,
}

/// μ and log σ² of the VAE in use (the lab model's when it stands in for the VAE).
async fn vae_codes(
    resources: &Resources,
    wanted: Backend,
    x: &[f32],
) -> Result<Codes, crate::app::engine::error::EngineError> {
    match resources
        .active_trained()
        .filter(|s| s.family() == Family::Vae)
    {
        Some(slot) => slot.encode(x).await,
        None => {
            resources
                .encode_on(wanted, Family::Vae, LatentSize::Sixteen, x)
                .await
        }
    }
}

/// The pad's digit reconstructed live (`None` for an empty pad); failures go to `errors`.
pub fn reconstruct_live(
    resources: ResourceHandle,
    digit: CurrentDigit,
    choice: RwSignal<EngineChoice>,
    errors: TaskErrors,
) -> RwSignal<Option<LiveResult>> {
    let result = RwSignal::new(None::<LiveResult>);
    let runner = LatestRunner::new();
    let submit = move |x: Vec<f32>| {
        runner.submit(x, move |x| async move {
            let resources = resources.get();
            let wanted = choice
                .try_get_untracked()
                .unwrap_or_default()
                .resolve(resources.live_engine());
            let start = now_ms();
            let outcome = resources.reconstruct_on(wanted, &x).await;
            let Some((recon, engine)) = errors.check(tk("draw-task-reconstruct"), outcome) else {
                return;
            };
            let ms = now_ms() - start;
            let codes = vae_codes(&resources, wanted, &x).await;
            let elbo = errors.check(tk("draw-task-encode"), codes).and_then(|c| {
                let log_var = c.log_var?;
                Some(ElboTerms::of(&x, &recon.vae, &c.mean, &log_var))
            });
            result.try_set(Some(LiveResult {
                recon,
                engine,
                ms,
                elbo,
            }));
        });
    };
    // Reconstruct whenever the input or the engine choice changes.
    Effect::new(move |_| {
        choice.track();
        match digit.input.get() {
            Some(x) => submit(x),
            None => result.set(None),
        }
    });
    result
}
