//! Interpolation between two codes, h_i = h1 + (h2 − h1)·i/N, for the AE and the VAE side by
//! side, against a cross-fade in pixel space. Two digits are interpolated with the 16-D models;
//! points pinned on the maps with the maps' own models.
//!
//! Link keys: `a`, `b` (the endpoints: `t42` test digit 42, `cur` the current digit, `p…` a point
//! of each map), `t` (the slider, 0–1; the step shown is the nearest i/N) and `n` (N, 2–16).
//!
//! The parts: `runs` (endpoints → codes → images, in the background), `endpoints` (choosing
//! them), `sliders` (i and N) and `strips` (what is shown).

mod endpoints;
mod runs;
mod sliders;
mod strips;

use leptos::prelude::*;

use super::Explorer;
use crate::app::components::formula::Concept;
use crate::app::engine::LatentSize;
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::formula;
use crate::i18n::tk;
use crate::link::latent::{End, step_of};
use crate::link::value::{number, whole, write_number};
use endpoints::{Endpoint, MapPins};
use sliders::{StepSlider, StepsSlider};
use strips::{AtStep, Strips};

/// Digit endpoints are interpolated with these models (unless an endpoint is pinned on the maps).
const DIGIT_SIZE: LatentSize = LatentSize::Sixteen;

/// The number of steps N.
const STEPS_MIN: u64 = 2;
const STEPS_MAX: u64 = 16;

const NAMES: [&str; 2] = ["A", "B"];
const IDS: [&str; 2] = ["a", "b"];

#[component]
pub fn Interpolation(ex: Explorer) -> impl IntoView {
    let i18n = use_i18n();
    let link = use_link();
    let resources = ex.resources;
    let n_test = resources.with(|r| r.test_digits().len());
    let t = RwSignal::new(0.5f32);
    let steps = RwSignal::new(8usize);
    for (end, key) in [(0, "a"), (1, "b")] {
        link.bind(
            key,
            ex.picks[end],
            move |text| End::read(text, n_test),
            End::write,
        );
    }
    link.bind("t", t, |text| number(text, 0.0..=1.0), |t| write_number(*t));
    link.bind(
        "n",
        steps,
        |text| whole(text, STEPS_MIN..=STEPS_MAX).map(|(n, issue)| (n as usize, issue)),
        |n| n.to_string(),
    );
    ex.remembered
        .set_value([0, 1].map(|end| match ex.picks[end].get_untracked() {
            End::Test(i) => i,
            _ => end,
        }));
    // The step shown: the nearest i/N to the slider.
    let step = Memo::new(move |_| step_of(t.get(), steps.get()));

    // The VAE's decodings of pinned endpoints (digit endpoints show the digits themselves).
    let pin_images = RwSignal::new([None::<Vec<f32>>, None]);
    let end_images = Memo::new(move |_| {
        [0, 1].map(|end| match ex.picks[end].get() {
            End::Test(i) => Some(resources.with(|r| r.test_digits().image(i.min(n_test - 1)))),
            End::Current => Some(ex.current.get()),
            End::Pinned { .. } => pin_images.with(|p| p[end].clone()),
        })
    });
    // The models the endpoints are encoded with: the maps' if either is pinned on them.
    let pinned = Memo::new(move |_| ex.picks.iter().any(|p| p.with(End::is_pinned)));
    let ends_size = Memo::new(move |_| {
        if pinned.get() {
            ex.size.get()
        } else {
            DIGIT_SIZE
        }
    });

    runs::encode_ends(ex, n_test, pinned, ends_size, pin_images);
    let (at_t, strips) = runs::decode_steps(ex, step, steps);

    let explanation = move || {
        let key = match (pinned.get(), ex.size.get()) {
            (true, LatentSize::Two) => tk("latent-interp-explain-pins-2"),
            (true, LatentSize::Sixteen) => tk("latent-interp-explain-pins-16"),
            (false, _) => tk("latent-interp-explain-digits"),
        };
        i18n.t(key)
    };

    view! {
        <section class="interpolation">
            <h2>{move || i18n.t("latent-interp-title")}</h2>
            <p class="explain-line">{move || i18n.t("latent-interp-explain")}</p>
            <Concept
                math=Signal::derive(move || formula::interpolation(Some((step.get(), steps.get(), i18n.lang()))))
                caption=tk("latent-interp-formula")
            />
            <p class="explain-line" data-testid="interp-explanation">{explanation}</p>
            <div class="endpoints">
                <Endpoint ex=ex end=0 end_images=end_images n_test=n_test />
                <Endpoint ex=ex end=1 end_images=end_images n_test=n_test />
                <MapPins ex=ex />
            </div>
            <StepSlider t=t step=step steps=steps />
            <AtStep at_t=at_t />
            <StepsSlider t=t steps=steps />
            <Strips strips=strips end_images=end_images steps=steps />
        </section>
    }
}
