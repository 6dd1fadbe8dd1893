//! Digits mode: an MLP GAN (noise → 784 pixels) trained live on the bundled training split, with
//! the 8 × 8 grid of a fixed noise batch (the same z all run long, so the grid shows G learning)
//! and the game's curves.

use leptos::prelude::*;

use super::controls::{GanForm, GanRun};
use crate::app::components::digit_canvas::MosaicCanvas;
use crate::app::engine::gan::use_gan;
use crate::app::i18n::use_i18n;
use crate::gan::settings::{DIGITS_D_HIDDEN, DIGITS_G_HIDDEN};
use crate::model::lab::format_hidden;

#[component]
pub fn DigitsTab() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_gan().digits;
    let architecture = move || {
        session.settings.with(|s| {
            i18n.t_with(
                "gan-digits-architecture",
                &[
                    ("noise", s.noise.into()),
                    ("g", format_hidden(&DIGITS_G_HIDDEN).into()),
                    ("d", format_hidden(&DIGITS_D_HIDDEN).into()),
                ],
            )
        })
    };
    view! {
        <div class="gan-digits">
            <p class="explain-line">{move || i18n.t("gan-digits-explain")}</p>
            <p class="caption wide" data-testid="gan-digits-architecture">{architecture}</p>
            <div class="map-row">
                <div class="controls">
                    <GanForm session=session />
                </div>
                <figure>
                    <Show
                        when=move || session.grid.with(|g| !g.is_empty())
                        fallback=move || view! { <p class="caption wide" data-testid="gan-digits-grid-empty">{move || i18n.t("gan-digits-grid-empty")}</p> }
                    >
                        <MosaicCanvas rows=session.grid cols=8usize testid="gan-digits-grid"
                            label=Signal::derive(move || i18n.t_with("gan-digits-grid-label", &[("step", session.step.get().into())])) />
                    </Show>
                    <figcaption class="caption">{move || i18n.t("gan-digits-grid-caption")}</figcaption>
                </figure>
            </div>
            <GanRun session=session />
        </div>
    }
}
