//! The course's formulas beside the two models, filled in with the current digit's numbers: the
//! AE's loss and bottleneck, the VAE's ELBO, its two terms and the KL of each latent dimension.

use leptos::prelude::*;

use super::code_sizes;
use super::live::LiveResult;
use crate::app::components::formula::{Concept, Formula};
use crate::app::i18n::use_i18n;
use crate::app::state::ResourceHandle;
use crate::formula;
use crate::i18n::{num, tk};

/// The course's formulas beside the two models, with the current digit's numbers.
#[component]
pub fn Formulas(resources: ResourceHandle, result: RwSignal<Option<LiveResult>>) -> impl IntoView {
    let i18n = use_i18n();
    let sizes = code_sizes(resources);
    let ae_mse = move || result.with(|r| r.as_ref().map(|r| r.recon.ae_mse));
    let elbo = Memo::new(move |_| result.with(|r| r.as_ref().and_then(|r| r.elbo.clone())));
    let bottleneck_caption = move || {
        let key = if sizes.get().0 < crate::PIXELS {
            tk("draw-concept-undercomplete")
        } else {
            tk("draw-concept-overcomplete")
        };
        i18n.t(key)
    };
    let reconstruction_caption = move || match elbo.with(|e| e.as_ref().map(|e| e.reconstruction)) {
        Some(v) => i18n.t_with("draw-concept-bce-value", &[("value", num(v, 1))]),
        None => i18n.t("draw-concept-bce"),
    };
    // Each latent dimension's KL as a bar (scaled to the largest) with its value.
    let kl_bars = move || {
        elbo.with(|e| {
            e.as_ref().map(|e| {
                let top = e.kl_per_dim.iter().copied().fold(1e-9, f64::max);
                e.kl_per_dim
                    .iter()
                    .enumerate()
                    .map(|(j, &k)| {
                        // A style property, not a style attribute: the page's CSP allows no inline style.
                        let width = format!("{:.1}%", 100.0 * k / top);
                        view! {
                            <li class="kl-row">
                                <span class="kl-dim">{format!("z{}", j + 1)}</span>
                                <span class="kl-bar">
                                    <span class="kl-fill" style:width=width></span>
                                </span>
                                <span class="num">{i18n.num(k, 2)}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="concepts" data-testid="draw-formulas">
            <div class="concept-group" data-testid="draw-formulas-ae">
                <h3>{move || i18n.t("draw-formulas-ae")}</h3>
                <Concept math=Signal::derive(formula::encoder) caption=tk("draw-concept-encoder") />
                <Concept math=Signal::derive(formula::decoder) caption=tk("draw-concept-decoder") />
                <Concept
                    math=Signal::derive(move || formula::reconstruction_loss(ae_mse().map(|v| (v, i18n.lang()))))
                    caption=tk("draw-concept-loss")
                />
                <Concept
                    math=Signal::derive(move || formula::mean_squared_error(ae_mse().map(|v| (v, i18n.lang()))))
                    caption=tk("draw-concept-mse")
                />
                <figure class="concept">
                    <Formula math=Signal::derive(move || formula::bottleneck(sizes.get().0, crate::PIXELS, i18n.lang())) />
                    <figcaption>{bottleneck_caption}</figcaption>
                </figure>
            </div>
            <div class="concept-group" data-testid="draw-formulas-vae">
                <h3>{move || i18n.t("draw-formulas-vae")}</h3>
                <Concept
                    math=Signal::derive(move || {
                        formula::elbo(elbo.with(|e| e.as_ref().map(|e| (e.reconstruction, e.kl(), i18n.lang()))))
                    })
                    caption=tk("draw-concept-elbo")
                />
                <figure class="concept">
                    <Formula math=Signal::derive(formula::binary_cross_entropy) />
                    <figcaption data-testid="draw-bce">{reconstruction_caption}</figcaption>
                </figure>
                <figure class="concept">
                    <Formula math=Signal::derive(move || {
                        formula::gaussian_kl(elbo.with(|e| e.as_ref().map(|e| (e.kl(), i18n.lang()))))
                    }) />
                    <figcaption>{move || i18n.t("draw-concept-kl")}</figcaption>
                    <ol
                        class="kl-dims"
                        data-testid="kl-dims"
                        aria-label=move || i18n.t("draw-kl-dims-label")
                    >
                        {kl_bars}
                    </ol>
                </figure>
            </div>
        </div>
    }
}
