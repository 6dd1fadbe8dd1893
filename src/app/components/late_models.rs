//! The progress of the models and training digits a view needs that are still on their way
//! (downloaded after start-up, see `engine::late` and `engine::training_digits`), or why one could
//! not be downloaded with a "Retry" button.
//! Nothing shows once they are there.

use leptos::prelude::*;

use crate::app::engine::late::SlotState;
use crate::app::engine::loader::{load_late_model, load_training_digits};
use crate::app::i18n::use_i18n;
use crate::app::state::use_resources;
use crate::i18n::{Text, num, tk};
use crate::model::pretrained::Shipped;

/// The translation key of a late model's name in a sentence.
fn model_key(model: Shipped) -> &'static str {
    match model {
        Shipped::Dae16 => tk("late-model-dae"),
        Shipped::Inpaint16 => tk("late-model-inpaint"),
        Shipped::Ae2 => tk("late-model-ae2"),
        _ => tk("late-model-vae2"),
    }
}

/// One line per model of `models` that is not ready. `recovered` counts downloads that
/// succeeded after a retry, so the view can start again with everything it needs.
#[component]
pub fn LateModels(
    #[prop(into)] models: Signal<&'static [Shipped]>,
    recovered: RwSignal<u32>,
) -> impl IntoView {
    let resources = use_resources();
    move || {
        models
            .get()
            .iter()
            .map(|&model| {
                let slot = resources.with(|r| r.late_slot(model));
                let retry = move || {
                    let resources = resources.get();
                    leptos::task::spawn_local(async move {
                        load_late_model(resources, model).await;
                        if slot.get_untracked() == SlotState::Ready {
                            recovered.try_update(|n| *n += 1);
                        }
                    });
                };
                slot_line(slot, Text::new(model_key(model)), model.name(), retry)
            })
            .collect_view()
    }
}

/// The training digits' download (`engine::training_digits`) while a view that trains on them
/// waits for it, or why it failed with "Retry"; nothing once they are there.
#[component]
pub fn TrainingDigitsStatus(
    #[prop(into)] needed: Signal<bool>,
    recovered: RwSignal<u32>,
) -> impl IntoView {
    let resources = use_resources();
    let slot = resources.with(|r| r.training_digits().state());
    let retry = move || {
        let resources = resources.get();
        leptos::task::spawn_local(async move {
            load_training_digits(resources).await;
            if slot.get_untracked() == SlotState::Ready {
                recovered.try_update(|n| *n += 1);
            }
        });
    };
    move || {
        needed.get().then(|| {
            slot_line(
                slot,
                Text::new(tk("late-training-digits")),
                "training-digits",
                retry,
            )
        })
    }
}

/// A download's line: its progress while loading, the reason and "Retry" when it failed.
fn slot_line(
    slot: RwSignal<SlotState>,
    name: Text,
    testid: &'static str,
    retry: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    move || match slot.get() {
        SlotState::Ready => ().into_any(),
        SlotState::Loading(done) => view! {
            <p class="late-loading" role="status" data-testid=format!("late-loading-{testid}")>
                {i18n.t_with(
                    "late-loading",
                    &[("model", name.clone().into()), ("percent", num(f64::from(done) * 100.0, 0))],
                )}
                <progress max="1" value=done.to_string()></progress>
            </p>
        }
        .into_any(),
        SlotState::Failed(why) => {
            let retry = retry.clone();
            view! {
                <div class="error late-failed" role="alert" data-testid=format!("late-failed-{testid}")>
                    <p>
                        {i18n.t_with(
                            "late-failed",
                            &[("model", name.clone().into()), ("why", why.into())],
                        )}
                    </p>
                    <button data-testid="late-retry" on:click=move |_| retry()>
                        {i18n.t("late-retry")}
                    </button>
                </div>
            }
            .into_any()
        }
    }
}
