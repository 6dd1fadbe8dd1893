//! A view's tabs as links (`#/<view>/<tab>`), so every tab has its own URL; the current one is
//! marked for the eye, for screen readers and for tests (`<view>-tab-<tab>`).

use leptos::prelude::*;

use crate::app::i18n::use_i18n;

#[component]
pub fn TabBar(
    /// The view's slug (`apps`, `gan`).
    view: &'static str,
    /// Each tab's slug and the translation key of its title, in order.
    tabs: Vec<(&'static str, &'static str)>,
    /// The slug of the tab shown.
    #[prop(into)]
    current: Signal<&'static str>,
    /// The translation key of the tab list's name for screen readers.
    label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="tabs" role="tablist" aria-label=move || i18n.t(label)>
            {tabs
                .into_iter()
                .map(|(slug, title)| {
                    view! {
                        <a
                            role="tab"
                            href=format!("#/{view}/{slug}")
                            data-testid=format!("{view}-tab-{slug}")
                            class:active=move || current.get() == slug
                            aria-selected=move || (current.get() == slug).to_string()
                        >
                            {move || i18n.t(title)}
                        </a>
                    }
                })
                .collect_view()}
        </div>
    }
}
