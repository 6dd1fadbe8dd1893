//! One task of the open assignment: instructions, what to hand in and whether it is, the start
//! button, the written answer and the public checks once validated.

use leptos::prelude::*;

use crate::app::homework::use_homework;
use crate::app::i18n::use_i18n;
use crate::app::state::use_session;
use crate::homework::assignment::HandIn;
use crate::homework::checks::word_count;

#[component]
pub fn TaskCard(n: usize) -> impl IntoView {
    let i18n = use_i18n();
    let hw = use_homework();
    let task = move || {
        hw.assignment
            .with(|a| a.as_ref().and_then(|a| a.task(n).cloned()))
    };
    let Some(t) = task() else {
        return ().into_any();
    };
    let session = use_session();
    let start = move |_| {
        let training = session.state.get_untracked().is_active();
        hw.error.set(hw.start_task(n, training).err());
    };
    let asks: Vec<String> = t
        .hand_in
        .iter()
        .map(|h| match h {
            HandIn::Model { .. } => i18n.t("hw-asks-model"),
            HandIn::Metrics { names } => {
                i18n.t_with("hw-asks-metrics", &[("names", names.join(", ").into())])
            }
            HandIn::Figure { name } => {
                i18n.t_with("hw-asks-figure", &[("name", name.clone().into())])
            }
            HandIn::Answer {
                min_words,
                max_words,
            } => i18n.t_with(
                "hw-asks-answer",
                &[("min", (*min_words).into()), ("max", (*max_words).into())],
            ),
        })
        .collect();
    let answer = t.answer_limits().map(|(min, max)| {
        let text = Memo::new(move |_| hw.work.with(|w| w.answers.get(&n).cloned().unwrap_or_default()));
        let words = Memo::new(move |_| text.with(|t| word_count(t)));
        view! {
            <label class="hw-answer">{move || i18n.t("hw-answer")}
                <textarea
                    data-testid=format!("hw-answer-{n}")
                    rows="6"
                    prop:value=move || text.get()
                    on:input=move |ev| hw.set_answer(n, event_target_value(&ev), false)
                    on:change=move |ev| hw.set_answer(n, event_target_value(&ev), true)
                ></textarea>
            </label>
            <p class="caption" class:field-error=move || { let w = words.get(); w < min || w > max }>
                {move || i18n.t_with("hw-words", &[("words", words.get().into()), ("min", min.into()), ("max", max.into())])}
            </p>
        }
    });
    let handed_in = move || {
        hw.work.with(|w| {
            w.hand_ins.get(&n).map(|h| {
                let metrics = h
                    .metrics
                    .iter()
                    .map(|(k, v)| format!("{k} = {}", i18n.num(*v, 4)))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <p class="caption" data-testid=format!("hw-handed-in-{n}")>
                        {i18n.t_with("hw-handed-in", &[("metrics", metrics.into())])}
                    </p>
                }
            })
        })
    };
    let checks = move || {
        hw.checks.with(|c| {
            c.as_ref().and_then(|c| c.get(&n)).map(|results| {
                results
                    .iter()
                    .enumerate()
                    .map(|(k, r)| {
                        let value = r
                            .value
                            .map(|v| i18n.num(v, 4))
                            .unwrap_or_else(|| "—".into());
                        view! {
                            <li
                                data-testid=format!("hw-check-{n}-{}", k + 1)
                                data-pass=r.passed.to_string()
                                data-value=r.value.map(|v| v.to_string())
                                class=if r.passed { "pass" } else { "fail" }
                            >
                                {if r.passed { "✔ " } else { "✘ " }}
                                {i18n.text(r.message.text())}" ("{value}")"
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let lang = i18n.lang_signal();
    let (title, instructions, points) = (t.title.clone(), t.instructions.clone(), t.points);
    view! {
        <section class="hw-task" data-testid=format!("hw-task-{n}") class:active=move || hw.active.get() == Some(n)>
            <h4>{move || i18n.t_with("hw-task-title", &[("n", n.into()), ("title", title.get(lang.get()).to_string().into()), ("points", crate::i18n::num(points, 1))])}</h4>
            <p>{move || instructions.get(lang.get()).to_string()}</p>
            <ul class="caption">{asks.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
            <button data-testid=format!("hw-start-{n}") on:click=start>{move || i18n.t("hw-start")}</button>
            {handed_in}
            {answer}
            <ul class="hw-checks">{checks}</ul>
        </section>
    }
    .into_any()
}
