//! The task under way, above every view: what it is, which settings it locks, a button that
//! hands in what the task asks for, and the way back. Every finished training run of the task
//! is written to the work log.

use leptos::prelude::*;

use super::hand_in::{hand_in, log_run};
use crate::app::components::messages::Message;
use crate::app::homework::use_homework;
use crate::app::i18n::use_i18n;
use crate::app::routes::Route;
use crate::app::state::{use_resources, use_session};

#[component]
pub fn HomeworkBanner() -> impl IntoView {
    let i18n = use_i18n();
    let hw = use_homework();
    let resources = use_resources();
    let session = use_session();
    let busy = RwSignal::new(false);
    // A run published its model (at its end, or when stopped): one log entry per run.
    let trained = resources.with(|r| r.lab_model());
    Effect::new(move |first: Option<()>| {
        let slot = trained.get();
        if first.is_none() {
            return;
        }
        if let (Some(task), Some(slot)) = (hw.active.get_untracked(), slot) {
            log_run(hw, session, task, &slot);
        }
    });
    let on_hand_in = move |_| {
        let Some(task) = hw.active.get_untracked() else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = hand_in(hw, resources.get(), session, task).await;
            busy.try_set(false);
            match outcome {
                Ok(done) => {
                    hw.error.try_set(None);
                    hw.notice.try_set(Some(done));
                }
                Err(why) => {
                    hw.notice.try_set(None);
                    hw.error.try_set(Some(why));
                }
            }
        });
    };
    let link = crate::app::link::use_link();
    let route = link.route();
    move || {
        // The homework pages show the assignment itself.
        if matches!(route.get(), Route::Hw | Route::Verify) {
            return None;
        }
        let task = hw.active.get()?;
        let title = hw.assignment.with(|a| {
            a.as_ref()
                .and_then(|a| a.task(task))
                .map(|t| t.title.get(i18n.lang()).to_string())
        })?;
        Some(view! {
            <div class="hw-banner" role="region" aria-label=move || i18n.t("hw-banner-label") data-testid="hw-banner">
                <p>
                    <strong>{i18n.t_with("hw-banner-task", &[("n", task.into()), ("title", title.into())])}</strong>
                    " "{move || {
                        let settings = link.locked_settings();
                        (!settings.is_empty()).then(|| i18n.t_with("hw-banner-locked", &[("settings", settings.into())]))
                    }}
                </p>
                <div class="buttons">
                    <button data-testid="hw-hand-in" disabled=move || busy.get() on:click=on_hand_in>
                        {move || i18n.t("hw-hand-in")}
                    </button>
                    <a href="#/hw" data-testid="hw-back">{move || i18n.t("hw-back")}</a>
                    <button data-testid="hw-leave" on:click=move |_| hw.stop_task()>{move || i18n.t("hw-leave")}</button>
                </div>
                <Message text=hw.error testid="hw-banner-error" />
                <Message text=hw.notice testid="hw-banner-notice" class="caption" />
            </div>
        })
    }
}
