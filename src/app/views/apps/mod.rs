//! The applications lab (`#/apps/<tab>`): what a trained encoder is for, one tab per application
//! of the lecture. Each tab computes its numbers in the browser from the models in use.

mod anomaly;
mod clustering;
mod colour;
mod models;
mod pca;
mod reduce;
mod retrieval;
mod spaces;

use leptos::prelude::*;

use crate::app::components::tab_bar::{TabBar, use_tab};
use crate::app::i18n::use_i18n;
use crate::i18n::tk;

/// A tab of the applications lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppTab {
    Retrieval,
    Anomaly,
    Clustering,
    Pca,
    Colour,
    Reduce,
}

crate::slugs!(AppTab {
    Retrieval: "retrieval", tk("apps-tab-retrieval");
    Anomaly: "anomaly", tk("apps-tab-anomaly");
    Clustering: "clustering", tk("apps-tab-clustering");
    Pca: "pca", tk("apps-tab-pca");
    Colour: "colour", tk("apps-tab-colour");
    Reduce: "reduce", tk("apps-tab-reduce");
});

/// How long a whole-split computation took, shown to the student (pixels against descriptors is
/// part of the lesson) and read by `tests/bench/bench-apps.mjs` from `data-ms`.
#[component]
fn Elapsed(testid: &'static str, key: &'static str, ms: Signal<Option<f64>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="caption" data-testid=testid data-ms=move || ms.get().map(|m| format!("{m:.1}"))>
            {move || {
                ms.get()
                    .map(|m| i18n.t_with(key, &[("seconds", crate::i18n::num(m / 1000.0, 2))]))
            }}
        </p>
    }
}

#[component]
pub fn AppsView() -> impl IntoView {
    let i18n = use_i18n();
    let tab = use_tab::<AppTab>();
    view! {
        <section class="apps-view">
            <h2>{move || i18n.t("apps-title")}</h2>
            <p class="lead">{move || i18n.t("apps-lead")}</p>
            <TabBar view="apps" current=tab label=tk("apps-tabs-label") />
            <div role="tabpanel">
                {move || match tab.get() {
                    AppTab::Retrieval => view! { <retrieval::RetrievalTab /> }.into_any(),
                    AppTab::Anomaly => view! { <anomaly::AnomalyTab /> }.into_any(),
                    AppTab::Clustering => view! { <clustering::ClusteringTab /> }.into_any(),
                    AppTab::Pca => view! { <pca::PcaTab /> }.into_any(),
                    AppTab::Colour => view! { <colour::ColourTab /> }.into_any(),
                    AppTab::Reduce => view! { <reduce::ReduceTab /> }.into_any(),
                }}
            </div>
        </section>
    }
}
