//! The "draw" view: a drawing pad, and live side by side the model input, the AE's and the VAE's
//! reconstructions with their errors, each placed among the test digits' errors; beside them the
//! course's formulas with this digit's numbers (the loss, the ELBO's two terms, the KL of each
//! latent dimension).
//!
//! Link: `d` is the digit on the pad (see `crate::link::digit`). A link's digit goes straight
//! onto an empty pad; over the student's own drawing it is only offered, never forced.
//!
//! The parts: `digit_offer` (the link's digit), `pad` (under the pad), `live` (the reconstruction
//! run), `results` and `error_scale` (what it shows), `formulas` and `explanation`.

mod digit_offer;
mod error_scale;
mod explanation;
mod formulas;
mod live;
mod pad;
mod results;

use leptos::prelude::*;

use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::draw_pad::DrawPad;
use crate::app::components::messages::{TaskErrorList, TaskErrors};
use crate::app::engine::{EngineChoice, Family};
use crate::app::i18n::use_i18n;
use crate::app::state::{ResourceHandle, use_current_digit, use_resources};
use digit_offer::{LinkDigitOffer, bind_digit};
use explanation::Explanation;
use formulas::Formulas;
use pad::PadControls;
use results::{EngineMenu, ModelReconstruction, Timing};

/// The code sizes of the models on screen: the lab model's when it stands in for one.
fn code_sizes(resources: ResourceHandle) -> Signal<(usize, usize)> {
    Signal::derive(move || {
        let slot = resources.with(|r| r.lab_model_in_use());
        let dim = |family: Family| match &slot {
            Some(s) if s.family() == family => s.config.latent,
            _ => 16,
        };
        (dim(Family::Ae), dim(Family::Vae))
    })
}

/// The pad and what is under it on the left; the live results, formulas and explanation beside.
#[component]
pub fn DrawView() -> impl IntoView {
    let resources = use_resources();
    let i18n = use_i18n();
    let digit = use_current_digit();
    let choice = RwSignal::new(EngineChoice::Auto);
    let errors = TaskErrors::new();
    error_scale::ensure_test_errors(resources, errors);
    let (offer, d) = bind_digit(digit, resources);
    let result = live::reconstruct_live(resources, digit, choice, errors);

    view! {
        <section class="draw-view">
            <div class="pad-column">
                <LinkDigitOffer offer=offer d=d digit=digit resources=resources />
                <DrawPad />
                <PadControls digit=digit resources=resources />
            </div>
            <div class="results">
                <div class="triple">
                    <figure>
                        <DigitCanvas
                            pixels=digit.input
                            testid="model-input"
                            label=Signal::derive(move || i18n.t("draw-input-label"))
                        />
                        <figcaption>{move || i18n.t("draw-input-title")}</figcaption>
                    </figure>
                    <ModelReconstruction resources=resources result=result family=Family::Ae />
                    <ModelReconstruction resources=resources result=result family=Family::Vae />
                </div>
                <Timing result=result />
                <TaskErrorList errors=errors />
                <label class="engine-choice">
                    {move || i18n.t("draw-engine-label")}" "
                    <EngineMenu resources=resources choice=choice />
                </label>
                <Formulas resources=resources result=result />
                <Explanation />
            </div>
        </section>
    }
}
