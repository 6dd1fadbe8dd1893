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

use crate::app::components::tab_bar::TabBar;
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::i18n::tk;
use crate::link::Issue;

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

impl AppTab {
    pub const ALL: [AppTab; 6] = [
        AppTab::Retrieval,
        AppTab::Anomaly,
        AppTab::Clustering,
        AppTab::Pca,
        AppTab::Colour,
        AppTab::Reduce,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            AppTab::Retrieval => "retrieval",
            AppTab::Anomaly => "anomaly",
            AppTab::Clustering => "clustering",
            AppTab::Pca => "pca",
            AppTab::Colour => "colour",
            AppTab::Reduce => "reduce",
        }
    }

    fn title_key(self) -> &'static str {
        match self {
            AppTab::Retrieval => tk("apps-tab-retrieval"),
            AppTab::Anomaly => tk("apps-tab-anomaly"),
            AppTab::Clustering => tk("apps-tab-clustering"),
            AppTab::Pca => tk("apps-tab-pca"),
            AppTab::Colour => tk("apps-tab-colour"),
            AppTab::Reduce => tk("apps-tab-reduce"),
        }
    }

    pub fn from_slug(slug: &str) -> Option<AppTab> {
        AppTab::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

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
    let link = use_link();
    let tab_slug = link.tab();
    let tab = Memo::new(move |_| {
        let slug = tab_slug.get();
        match AppTab::from_slug(&slug) {
            Some(tab) => tab,
            None => {
                if !slug.is_empty() {
                    link.note("tab", &slug, Issue::Unknown);
                }
                AppTab::ALL[0]
            }
        }
    });
    view! {
        <section class="apps-view">
            <h2>{move || i18n.t("apps-title")}</h2>
            <p class="lead">{move || i18n.t("apps-lead")}</p>
            <TabBar
                view="apps"
                tabs=AppTab::ALL.iter().map(|t| (t.slug(), t.title_key())).collect()
                current=Signal::derive(move || tab.get().slug())
                label=tk("apps-tabs-label")
            />
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
