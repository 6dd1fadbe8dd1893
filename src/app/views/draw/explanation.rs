//! What the two networks are: their code sizes, layer widths and the shipped models' measured
//! quality.

use leptos::prelude::*;

use super::code_sizes;
use crate::app::engine::Family;
use crate::app::i18n::use_i18n;
use crate::app::state::use_resources;
use crate::i18n::{num, tk};
use crate::model::manifest::Manifest;

/// The layer widths of a shipped model, input to output: 784→256→…→784.
fn architecture(m: &Manifest) -> String {
    let a = &m.architecture;
    let mut widths = vec![a.input];
    widths.extend(&a.hidden);
    widths.push(a.latent);
    widths.extend(a.hidden.iter().rev());
    widths.push(a.input);
    widths
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("→")
}

/// What the two networks are, with the shipped models' measured quality.
#[component]
pub fn Explanation() -> impl IntoView {
    let resources = use_resources();
    let i18n = use_i18n();
    let (ae, vae, tests) = resources.with(|r| {
        (
            r.startup_manifest(Family::Ae).clone(),
            r.startup_manifest(Family::Vae).clone(),
            r.test_digits().len(),
        )
    });
    let sizes = code_sizes(resources);
    let codes = move || {
        let (a, v) = sizes.get();
        let size = |d: usize| {
            let key = if d < crate::PIXELS {
                tk("draw-code-under")
            } else {
                tk("draw-code-over")
            };
            crate::i18n::Text::new(key).with("dim", d)
        };
        if a == v {
            i18n.t_with(
                "draw-code-same",
                &[("dim", a.into()), ("size", size(a).into())],
            )
        } else {
            i18n.t_with(
                "draw-code-different",
                &[
                    ("ae", a.into()),
                    ("ae_size", size(a).into()),
                    ("vae", v.into()),
                    ("vae_size", size(v).into()),
                ],
            )
        }
    };
    let ae_line = move || {
        i18n.t_with(
            "draw-explain-ae",
            &[
                ("architecture", architecture(&ae).into()),
                ("mse", num(ae.metrics.test_mse, 4)),
                ("pca", num(ae.metrics.pca_mse, 4)),
                ("components", ae.metrics.pca_components.into()),
            ],
        )
    };
    let vae_line = move || {
        i18n.t_with(
            "draw-explain-vae",
            &[
                ("mse", num(vae.metrics.test_mse, 4)),
                ("elbo", num(vae.metrics.test_elbo.unwrap_or(f64::NAN), 1)),
            ],
        )
    };
    view! {
        <details class="explain" open>
            <summary>{move || i18n.t("draw-explain-summary")}</summary>
            <p data-testid="draw-code-sentence">{codes}</p>
            <p>
                <strong>{move || i18n.t("draw-explain-ae-name")}</strong>
                {ae_line}
            </p>
            <p>
                <strong>{move || i18n.t("draw-explain-vae-name")}</strong>
                {vae_line}
            </p>
            <p>{move || i18n.t_with("draw-explain-mse", &[("count", tests.into())])}</p>
        </details>
    }
}
