//! A view's tabs as links (`#/<view>/<tab>`), so every tab has its own URL; the current one is
//! marked for the eye, for screen readers and for tests (`<view>-tab-<tab>`). The tabs are the
//! values of an enum with a slug and a title (see [`crate::slug`]).

use leptos::prelude::*;

use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::link::Issue;
use crate::slug::Titled;

/// The tab the link names after the view's slash (`#/apps/pca`); none is the first tab, and so is
/// an unknown name, which the link's notice then reports.
pub fn use_tab<T>() -> Memo<T>
where
    T: Titled + Copy + PartialEq + Send + Sync + 'static,
{
    let link = use_link();
    let tab_slug = link.tab();
    Memo::new(move |_| {
        let slug = tab_slug.get();
        T::from_slug(&slug).unwrap_or_else(|| {
            if !slug.is_empty() {
                link.note("tab", &slug, Issue::Unknown);
            }
            T::ALL[0]
        })
    })
}

/// Every value of `T` as a tab, in its order.
#[component]
pub fn TabBar<T>(
    /// The view's slug (`apps`, `gan`).
    view: &'static str,
    /// The tab shown (from [`use_tab`]).
    current: Memo<T>,
    /// The translation key of the tab list's name for screen readers.
    label: &'static str,
) -> impl IntoView
where
    T: Titled + Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <div class="tabs" role="tablist" aria-label=move || i18n.t(label)>
            {T::ALL
                .iter()
                .map(|&tab| {
                    let slug = tab.slug();
                    view! {
                        <a
                            role="tab"
                            href=format!("#/{view}/{slug}")
                            data-testid=format!("{view}-tab-{slug}")
                            class:active=move || current.get() == tab
                            aria-selected=move || (current.get() == tab).to_string()
                        >
                            {move || i18n.t(tab.title_key())}
                        </a>
                    }
                })
                .collect_view()}
        </div>
    }
}
