//! Failures of a view's background work, shown in the view instead of dropped: each task reports
//! under its own name, so one task's success never hides another's failure.

use leptos::prelude::*;

use crate::app::engine::Problem;
use crate::app::i18n::use_i18n;
use crate::i18n::Text;

/// The latest failure of each named task of a view; a task is named by a translation key
/// (`errors.check(tk("draw-task-reconstruct"), outcome)`).
#[derive(Clone, Copy)]
pub struct TaskErrors(RwSignal<Vec<(&'static str, String)>>);

impl TaskErrors {
    pub fn new() -> Self {
        Self(RwSignal::new(Vec::new()))
    }

    /// Records how task `what` ended: a failure is shown (replacing that task's earlier one), a
    /// success clears it. Returns the value on success. Safe to call after the view has closed.
    pub fn check<T, E: std::fmt::Display>(
        self,
        what: &'static str,
        result: Result<T, E>,
    ) -> Option<T> {
        let error = result.as_ref().err().map(E::to_string);
        self.0.try_update(|errors| {
            errors.retain(|(task, _)| *task != what);
            if let Some(why) = error {
                errors.push((what, why));
            }
        });
        result.ok()
    }

    /// The messages, one sentence each.
    fn messages(self) -> Vec<Text> {
        self.0.with(|errors| {
            errors
                .iter()
                .map(|(what, why)| {
                    Text::new("task-failed")
                        .with("task", Text::new(what))
                        .with("why", why.clone())
                })
                .collect()
        })
    }
}

impl Default for TaskErrors {
    fn default() -> Self {
        Self::new()
    }
}

/// The failures of a view's tasks, if any.
#[component]
pub fn TaskErrorList(errors: TaskErrors) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        errors
            .messages()
            .into_iter()
            .map(|m| view! { <p class="error" role="alert" data-testid="task-error">{i18n.text(&m)}</p> })
            .collect_view()
    }
}

/// One optional message (an error or a notice), shown when present.
#[component]
pub fn Message(
    #[prop(into)] text: Signal<Option<Text>>,
    testid: &'static str,
    #[prop(default = "error")] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        text.get().map(|t| {
            // An error interrupts a screen reader; anything else is announced when it is idle.
            let role = if class == "error" { "alert" } else { "status" };
            view! { <p class=class role=role data-testid=testid>{i18n.text(&t)}</p> }
        })
    }
}

/// A problem: its sentence, then the technical detail behind a disclosure.
#[component]
pub fn ProblemMessage(
    #[prop(into)] problem: Signal<Option<Problem>>,
    testid: &'static str,
    /// The key of the message around the problem's sentence (its `{ $problem }`), such as
    /// "Import failed: { $problem }. Your current model is unchanged."
    around: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        problem.get().map(|p| {
            let sentence = i18n.text(&Text::new(around).with("problem", p.sentence));
            view! {
                <div class="error problem" role="alert" data-testid=testid>
                    <p>{sentence}</p>
                    {p.detail.map(|d| view! {
                        <details>
                            <summary>{i18n.t("technical-detail")}</summary>
                            <code>{d}</code>
                        </details>
                    })}
                </div>
            }
        })
    }
}
