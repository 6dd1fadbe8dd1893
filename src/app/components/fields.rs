//! Form fields shared by the views: a number field that validates what is typed and says what is
//! wrong, and a labelled slider. Each shows a value derived from the state it edits, so it can
//! never drift from it.

use leptos::prelude::*;

use crate::app::i18n::use_i18n;
use crate::i18n::Text;
pub use crate::input::NumberRule;

/// A labelled number input. Shows `value`; a valid entry calls `on_commit` (on change), an
/// invalid one stays visible with a message and changes nothing.
#[component]
pub fn NumberField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] testid: String,
    #[prop(into)] value: Signal<f64>,
    rule: NumberRule,
    on_commit: Callback<f64>,
    #[prop(default = "any")] step: &'static str,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<Text>);
    let commit = move |ev: leptos::ev::Event| match rule.parse(&event_target_value(&ev)) {
        Ok(v) => {
            problem.set(None);
            on_commit.run(v);
        }
        Err(why) => problem.set(Some(why.text())),
    };
    let error_id = format!("{testid}-error");
    view! {
        <label class="field">
            {label}" "
            <input
                type="number"
                step=step
                min=rule.min.to_string()
                max=rule.max.to_string()
                data-testid=testid
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                prop:disabled=disabled
                prop:value=move || value.get().to_string()
                on:change=commit
            />
            {move || problem.get().map(|p| view! {
                <span class="field-error" role="alert" data-testid=error_id.clone()>
                    {move || i18n.text(&p)}
                </span>
            })}
        </label>
    }
}

/// A labelled slider. `live`: report every move (`input`); otherwise on release (`change`).
#[component]
pub fn RangeField(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    #[prop(into)] value: Signal<f64>,
    min: f64,
    max: f64,
    step: f64,
    on_value: Callback<f64>,
    #[prop(default = true)] live: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let read = move |ev: leptos::ev::Event| {
        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
            on_value.run(v.clamp(min, max));
        }
    };
    view! {
        <label class="field">
            {label}
            <input
                type="range"
                min=min.to_string()
                max=max.to_string()
                step=step.to_string()
                data-testid=testid
                prop:disabled=disabled
                prop:value=move || value.get().to_string()
                on:input=move |ev| if live { read(ev) }
                on:change=move |ev| if !live { read(ev) }
            />
        </label>
    }
}

/// What an entry of a [`SelectField`] says: words that are not translated (a number, a
/// technical name), or a message shown in the chosen language.
#[derive(Clone, Debug, PartialEq)]
pub enum ChoiceLabel {
    Plain(String),
    Text(Text),
}

/// One entry of a [`SelectField`].
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: ChoiceLabel,
    pub disabled: bool,
    /// Shown when selected, never offered (e.g. the linear AE's "no activation").
    pub hidden: bool,
}

impl Choice {
    /// An entry whose words are not translated.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self::with_label(value, ChoiceLabel::Plain(label.into()))
    }

    /// An entry named by the translation key `key` (`Choice::key("cpu", tk("…"))`).
    pub fn key(value: impl Into<String>, key: &'static str) -> Self {
        Self::text(value, Text::new(key))
    }

    /// An entry named by a message with values.
    pub fn text(value: impl Into<String>, text: Text) -> Self {
        Self::with_label(value, ChoiceLabel::Text(text))
    }

    fn with_label(value: impl Into<String>, label: ChoiceLabel) -> Self {
        Self {
            value: value.into(),
            label,
            disabled: false,
            hidden: false,
        }
    }

    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }

    pub fn hidden(mut self) -> Self {
        self.hidden = true;
        self
    }
}

/// A `<select>` showing `value`. Each option's `selected` property follows `value`: Leptos sets
/// an element's properties before it adds the children, so a `value` property on the select alone
/// would be lost on first render (the menu would show its first option, not the state).
#[component]
pub fn SelectField(
    #[prop(into)] testid: String,
    #[prop(into)] value: Signal<String>,
    choices: Vec<Choice>,
    on_select: Callback<String>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select
            data-testid=testid
            prop:disabled=disabled
            on:change=move |ev| on_select.run(event_target_value(&ev))
        >
            {choices
                .into_iter()
                .map(|c| {
                    let v = c.value.clone();
                    let label = c.label;
                    view! {
                        <option
                            value=c.value
                            disabled=c.disabled
                            hidden=c.hidden
                            prop:selected=move || value.with(|current| *current == v)
                        >
                            {move || match &label {
                                ChoiceLabel::Plain(words) => words.clone(),
                                ChoiceLabel::Text(text) => i18n.text(text),
                            }}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
