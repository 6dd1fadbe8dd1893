//! What the interpolation shows: the AE's and the VAE's decodings at step i, and the strips of
//! all N + 1 steps for both against a cross-fade in pixel space.

use leptos::prelude::*;

use super::runs::{StepImages, StepStrips};
use crate::analysis::latent::interpolation_path;
use crate::app::engine::Family;
use crate::app::i18n::use_i18n;
use crate::app::views::latent::{digit_canvas, mosaic_canvas};
use crate::i18n::tk;

/// The AE's and the VAE's decodings at step i, side by side.
#[component]
pub fn AtStep(at_t: StepImages) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="row">
            <figure>
                {digit_canvas(at_t.ae.into(), "interp-ae".into(), move || i18n.t("latent-interp-ae-label"))}
                <figcaption>{move || i18n.t("latent-interp-ae-caption")}</figcaption>
            </figure>
            <figure>
                {digit_canvas(at_t.vae.into(), "interp-vae".into(), move || i18n.t("latent-interp-vae-label"))}
                <figcaption>{move || i18n.t("latent-interp-vae-caption")}</figcaption>
            </figure>
        </div>
    }
}

/// The strips of all N + 1 steps: the AE's, the VAE's and the cross-fade of the endpoints' images.
#[component]
pub fn Strips(
    strips: StepStrips,
    end_images: Memo<[Option<Vec<f32>>; 2]>,
    steps: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cross_fade = Signal::derive(move || {
        let n = steps.get();
        match end_images.get() {
            [Some(a), Some(b)] => vec![interpolation_path(&a, &b, n)],
            _ => Vec::new(),
        }
    });
    let strip = move |family: Option<Family>| {
        let (name, testid, label) = match family {
            Some(Family::Ae) => (
                tk("latent-strip-ae"),
                "interp-strip-ae",
                tk("latent-strip-ae-label"),
            ),
            Some(Family::Vae) => (
                tk("latent-strip-vae"),
                "interp-strip-vae",
                tk("latent-strip-vae-label"),
            ),
            None => (
                tk("latent-strip-pixels"),
                "interp-strip-pixels",
                tk("latent-strip-pixels-label"),
            ),
        };
        let rows = match family {
            Some(f) => strips[f].into(),
            None => cross_fade,
        };
        view! {
            <span>{move || i18n.t(name)}</span>
            {mosaic_canvas(rows, Signal::derive(move || steps.get() + 1), testid, move || i18n.t(label))}
        }
    };
    view! {
        <div class="strips">
            {strip(Some(Family::Ae))}
            {strip(Some(Family::Vae))}
            {strip(None)}
        </div>
    }
}
