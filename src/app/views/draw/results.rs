//! What the live reconstruction shows: each model's image with its error placed among the test
//! digits', how long it took and where, and the choice of engine.

use leptos::prelude::*;

use super::error_scale::ErrorScale;
use super::live::LiveResult;
use crate::app::components::digit_canvas::DigitCanvas;
use crate::app::components::fields::{Choice, SelectField};
use crate::app::engine::{EngineChoice, Family};
use crate::app::i18n::use_i18n;
use crate::app::state::ResourceHandle;
use crate::i18n::{num, tk};
use crate::slug::Slug;

/// One model's reconstruction, its error and where that error sits among the test digits'.
#[component]
pub fn ModelReconstruction(
    resources: ResourceHandle,
    result: RwSignal<Option<LiveResult>>,
    family: Family,
) -> impl IntoView {
    let i18n = use_i18n();
    let mse = Signal::derive(move || {
        result.with(|r| {
            r.as_ref().map(|r| match family {
                Family::Ae => r.recon.ae_mse,
                Family::Vae => r.recon.vae_mse,
            })
        })
    });
    let error = move || {
        mse.get()
            .map(|e| i18n.num(e, 5))
            .unwrap_or_else(|| "—".into())
    };
    let image = Signal::derive(move || {
        result.with(|r| {
            r.as_ref().map(|r| match family {
                Family::Ae => r.recon.ae.clone(),
                Family::Vae => r.recon.vae.clone(),
            })
        })
    });
    let (title, label) = match family {
        Family::Ae => (tk("draw-ae-title"), tk("draw-ae-label")),
        Family::Vae => (tk("draw-vae-title"), tk("draw-vae-label")),
    };
    let slug = family.slug();
    view! {
        <figure>
            <DigitCanvas
                pixels=image
                testid=format!("recon-{slug}")
                label=Signal::derive(move || i18n.t(label))
            />
            <figcaption>
                {move || i18n.t(title)}<br />"MSE "<span class="num" data-testid=format!("err-{slug}")>{error}</span>
                <br /><ErrorScale resources=resources family=family error=mse />
            </figcaption>
        </figure>
    }
}

/// How long the last reconstruction took, and on which engine.
#[component]
pub fn Timing(result: RwSignal<Option<LiveResult>>) -> impl IntoView {
    let i18n = use_i18n();
    let timing = move || {
        result.with(|r| {
            r.as_ref()
                .map(|r| {
                    i18n.t_with(
                        "draw-timing",
                        &[("ms", num(r.ms, 1)), ("engine", r.engine.label().into())],
                    )
                })
                .unwrap_or_default()
        })
    };
    view! { <p class="timing" data-testid="timing">{timing}</p> }
}

/// The engine the models run on: chosen automatically, WebGPU (where there is one) or the CPU.
#[component]
pub fn EngineMenu(resources: ResourceHandle, choice: RwSignal<EngineChoice>) -> impl IntoView {
    let i18n = use_i18n();
    let has_gpu = resources.with(|r| r.has_webgpu());
    // A closure, so that the choices' labels follow the language.
    move || {
        view! {
            <SelectField
                testid="engine-select"
                value=Signal::derive(move || choice.get().slug().to_string())
                choices=vec![
                    Choice::new(EngineChoice::Auto.slug(), i18n.t("draw-engine-auto")),
                    Choice::new(EngineChoice::WebGpu.slug(), "WebGPU").disabled(!has_gpu),
                    Choice::new(EngineChoice::Cpu.slug(), i18n.t("draw-engine-cpu")),
                ]
                on_select=Callback::new(move |v: String| {
                    if let Some(c) = EngineChoice::from_slug(&v) {
                        choice.set(c);
                    }
                })
            />
        }
    }
}
