//! The engine badge: which engine runs, which engine runs what, and why.

use std::sync::Arc;

use leptos::prelude::*;

use super::engine::Backend;
use super::loader::Loaded;

#[component]
pub fn EngineBadge(lab: RwSignal<Option<Arc<Loaded>>>) -> impl IntoView {
    let report = move || lab.get().map(|l| l.engine.get());
    let backend = move || report().map(|r| r.backend.attribute()).unwrap_or("none");
    let text = move || match report() {
        None => "Engine: starting…".to_string(),
        Some(r) if r.backend == Backend::WebGpu && r.live == Backend::Cpu => {
            "Engine: WebGPU · drawing on CPU".to_string()
        }
        Some(r) => format!("Engine: {}", r.backend.label()),
    };
    let title = move || report().map(|r| r.reason).unwrap_or_default();
    let max_diff = move || report().and_then(|r| r.max_diff).map(|d| format!("{d:e}"));
    view! {
        <div
            class="badge"
            data-testid="backend-badge"
            data-backend=backend
            data-live=move || report().map(|r| r.live.attribute())
            data-max-diff=max_diff
            title=title
        >
            <strong>{text}</strong>
            <span class="reason">{title}</span>
        </div>
    }
}
