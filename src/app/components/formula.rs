//! A formula of the course, typeset as MathML (see `crate::formula`), with the words that explain
//! it in the current language.

use leptos::prelude::*;

use crate::app::i18n::use_i18n;

/// One formula; `math` is a `<math>` element from `crate::formula`, re-rendered as its live
/// numbers or the language change.
#[component]
pub fn Formula(#[prop(into)] math: Signal<String>) -> impl IntoView {
    // Focusable: a long formula scrolls sideways on a phone, and the keyboard must reach it.
    view! {
        <span class="formula" data-testid="formula" tabindex="0" inner_html=move || math.get()></span>
    }
}

/// A concept beside its formula: the formula, then one translated sentence saying what it means.
#[component]
pub fn Concept(
    #[prop(into)] math: Signal<String>,
    /// The translation key of the explanation.
    caption: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <figure class="concept">
            <Formula math=math />
            <figcaption>{move || i18n.t(caption)}</figcaption>
        </figure>
    }
}
