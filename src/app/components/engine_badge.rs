//! The engine badge: which engine runs, which engine runs what, and why; its details panel shows
//! the measurements behind the choice.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::engine::Backend;
use crate::app::engine::resources::{AGREEMENT_TOLERANCE, Resources};

#[component]
pub fn EngineBadge(lab: RwSignal<Option<Arc<Resources>>>) -> impl IntoView {
    let report = move || lab.get().map(|l| l.engine.get());
    let backend = move || report().map(|r| r.backend.attribute()).unwrap_or("none");
    let text = move || match report() {
        None => "Starting the engines…",
        Some(r) => r.plain_sentence(),
    };
    let reason = move || report().map(|r| r.reason).unwrap_or_default();
    let max_diff = move || report().and_then(|r| r.max_diff).map(|d| format!("{d:e}"));
    let details = move || {
        report().map(|r| {
            let gpu = r.gpu_ms.map(|g| format!("{g:.1} ms")).unwrap_or_else(|| "not in use".into());
            let agreement = r
                .max_diff
                .map(|d| format!("largest difference {d:.1e} per pixel over 16 test digits (limit {AGREEMENT_TOLERANCE:.0e})"))
                .unwrap_or_else(|| "not checked (no WebGPU)".into());
            view! {
                <dl>
                    <dt>"One drawing, AE + VAE"</dt>
                    <dd>{format!("CPU {:.1} ms · WebGPU {gpu}", r.cpu_ms)}</dd>
                    <dt>"WebGPU vs CPU"</dt>
                    <dd>{agreement}</dd>
                </dl>
            }
        })
    };
    let gpu_in_use = move || report().is_some_and(|r| r.backend == Backend::WebGpu);
    let release = move |_| {
        if let Some(gpu) = lab
            .get_untracked()
            .and_then(|l| l.gpu.as_ref().map(|(gpu, _)| gpu.clone()))
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
                        "Release the WebGPU device (as a GPU reset would)"
                    </button>
                </Show>
            </div>
        </details>
    }
}
