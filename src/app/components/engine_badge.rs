//! The engine badge: which engine runs, which engine runs what, and why; its details panel shows
//! the measurements behind the choice.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::engine::Backend;
use crate::app::engine::report::AGREEMENT_TOLERANCE;
use crate::app::engine::resources::Resources;
use crate::app::i18n::use_i18n;
use crate::i18n::num;

#[component]
pub fn EngineBadge(resources: RwSignal<Option<Arc<Resources>>>) -> impl IntoView {
    let i18n = use_i18n();
    let report = move || resources.get().map(|l| l.engine_report().get());
    let backend = move || report().map(|r| r.backend.attribute()).unwrap_or("none");
    let text = move || match report() {
        None => i18n.t("engine-starting"),
        Some(r) => i18n.t(r.plain_sentence()),
    };
    let reason = move || report().map(|r| i18n.text(&r.reason)).unwrap_or_default();
    let max_diff = move || report().and_then(|r| r.max_diff).map(|d| format!("{d:e}"));
    let details = move || {
        report().map(|r| {
            let gpu = match r.gpu_ms {
                Some(g) => i18n.t_with("engine-timing-ms", &[("ms", num(g, 1))]),
                None => i18n.t("engine-gpu-not-in-use"),
            };
            let agreement = match r.max_diff {
                Some(d) => i18n.t_with(
                    "engine-agreement",
                    &[
                        ("diff", format!("{d:.1e}").into()),
                        ("limit", format!("{AGREEMENT_TOLERANCE:.0e}").into()),
                    ],
                ),
                None => i18n.t("engine-agreement-unchecked"),
            };
            let cpu = i18n.t_with("engine-timing-ms", &[("ms", num(r.cpu_ms, 1))]);
            view! {
                <dl>
                    <dt>{i18n.t("engine-timing-title")}</dt>
                    <dd>{format!("CPU {cpu} · WebGPU {gpu}")}</dd>
                    <dt>{i18n.t("engine-agreement-title")}</dt>
                    <dd>{agreement}</dd>
                </dl>
            }
        })
    };
    let gpu_in_use = move || report().is_some_and(|r| r.backend == Backend::WebGpu);
    let release = move |_| {
        if let Some(gpu) = resources
            .get_untracked()
            .and_then(|l| l.gpu_models().map(|(gpu, _)| gpu.clone()))
        {
            gpu.release();
        }
    };
    view! {
        <details
            class="badge"
            data-testid="backend-badge"
            data-backend=backend
            data-live=move || report().map(|r| r.live.attribute())
            data-max-diff=max_diff
        >
            <summary title=reason>
                <strong>{text}</strong>
            </summary>
            <div class="engine-details">
                <p class="reason" data-testid="engine-reason">{reason}</p>
                {details}
                <Show when=gpu_in_use>
                    <button data-testid="release-webgpu" on:click=release>
                        {move || i18n.t("engine-release")}
                    </button>
                </Show>
            </div>
        </details>
    }
}
