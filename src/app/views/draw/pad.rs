//! Under the pad: clearing it, a random test digit, and a caption saying what the pad holds.

use leptos::prelude::*;

use crate::app::i18n::use_i18n;
use crate::app::state::{CurrentDigit, ResourceHandle};
use crate::app::web::random_index;
use crate::data::sketch::Sketch;

/// The pad's two buttons and its caption.
#[component]
pub fn PadControls(digit: CurrentDigit, resources: ResourceHandle) -> impl IntoView {
    let i18n = use_i18n();
    let random_digit = move |_| {
        let i = random_index(resources.with(|r| r.test_digits().len()));
        digit.sketch.set(Sketch {
            background: Some(i),
            ..Sketch::default()
        });
    };
    let clear = move |_| digit.sketch.set(Sketch::default());
    let caption = move || {
        digit.sketch.with(|s| {
            // A test digit's number is a name, not a quantity: written without grouping.
            let index = |i: usize| ("index", i.to_string().into());
            match (s.background, s.pixels.is_some(), s.strokes.is_empty()) {
                (_, true, true) => i18n.t("draw-caption-link"),
                (_, true, false) => i18n.t("draw-caption-link-strokes"),
                (Some(i), false, true) => i18n.t_with(
                    "draw-caption-test",
                    &[
                        index(i),
                        (
                            "label",
                            resources
                                .with(|r| r.test_digits().labels[i])
                                .to_string()
                                .into(),
                        ),
                    ],
                ),
                (Some(i), false, false) => i18n.t_with("draw-caption-test-strokes", &[index(i)]),
                (None, false, true) => i18n.t("draw-caption-empty"),
                (None, false, false) => i18n.t("draw-caption-drawing"),
            }
        })
    };
    view! {
        <div class="buttons">
            <button data-testid="clear" on:click=clear>{move || i18n.t("draw-clear")}</button>
            <button data-testid="random-digit" on:click=random_digit>{move || i18n.t("draw-random")}</button>
        </div>
        <p class="caption" data-testid="pad-caption">{caption}</p>
    }
}
