//! The teacher's side (`#/verify`): drop a folder of reports (and the rubric with the hidden
//! checks). Each report is checked against its assignment (bundled, or a file the teacher
//! gives): hashes and log chain, every metric recomputed from the embedded model on the CPU
//! engine, CPU-trained models retrained from their configuration and seed and compared weight
//! for weight, the public and hidden checks, and identical weights across students. Then a CSV
//! gradebook and one feedback file per student.

mod replay;

use std::collections::BTreeMap;
use std::sync::Arc;

use burn::prelude::*;
use leptos::prelude::*;
use serde::Deserialize;

use crate::app::components::messages::Message;
use crate::app::i18n::use_i18n;
use crate::app::state::use_resources;
use crate::app::web::fetch::fetch_bytes;
use crate::app::web::files::{MAX_FILE_BYTES, download, read_file};
use crate::homework::assignment::{Assignment, Rubric};
use crate::homework::metrics::model_metrics;
use crate::homework::report::{MAX_REPORT_BYTES, ReportRecord, Student, extract_record};
use crate::homework::verify::{
    Status, Verdict, feedback_text, gradebook_csv, identical_weights, verify_record,
};
use crate::i18n::Text;
use crate::model::trained_file::TrainedFileError;

/// The bundled assignments' list (a report names its assignment by id).
#[derive(Deserialize)]
struct Bundled {
    id: String,
    file: String,
}

/// Finds the assignment a report answers: one the teacher gave, or a bundled one.
async fn assignment_for(
    record: &ReportRecord,
    given: &[Arc<Assignment>],
) -> Option<Arc<Assignment>> {
    if let Some(a) = given.iter().find(|a| a.hash() == record.assignment.hash) {
        return Some(a.clone());
    }
    let index = fetch_bytes("static/assignments/index.json").await.ok()?;
    let list: Vec<Bundled> = serde_json::from_slice(&index).ok()?;
    let entry = list.into_iter().find(|b| b.id == record.assignment.id)?;
    let bytes = fetch_bytes(&format!("static/assignments/{}", entry.file))
        .await
        .ok()?;
    Assignment::parse(&bytes).ok().map(Arc::new)
}

/// A report that could not be read at all, as a row.
fn unreadable(file: &str, why: Text) -> Verdict {
    Verdict {
        student: Student {
            name: file.to_string(),
            id: file.to_string(),
        },
        assignment_id: String::new(),
        status: Status::Error {
            message: why.clone(),
        },
        tasks: Vec::new(),
        score: 0.0,
        max_score: 0.0,
        messages: vec![why],
    }
}

#[component]
pub fn VerifyView() -> impl IntoView {
    let i18n = use_i18n();
    let resources = use_resources();
    let given = RwSignal::new(Vec::<Arc<Assignment>>::new());
    let rubric = RwSignal::new(None::<Arc<Rubric>>);
    let verdicts = RwSignal::new(Vec::<Verdict>::new());
    let twins = RwSignal::new(Vec::<(String, String, usize)>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let error = RwSignal::new(None::<Text>);
    // Which drop of reports is the newest.
    let batch = StoredValue::new(0u64);
    let files_of = |ev: &leptos::ev::Event| -> Vec<web_sys::File> {
        let input: web_sys::HtmlInputElement = event_target(ev);
        let files = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        input.set_value("");
        files
    };
    let on_assignment = move |ev: leptos::ev::Event| {
        for file in files_of(&ev) {
            leptos::task::spawn_local(async move {
                let parsed = read_file(file, MAX_FILE_BYTES).await.and_then(|b| {
                    Assignment::parse(&b)
                        .map_err(|e| Text::new("hw-bad-assignment").with("why", e.to_string()))
                });
                match parsed {
                    Ok(a) => {
                        error.set(None);
                        given.update(|g| g.push(Arc::new(a)));
                    }
                    Err(why) => error.set(Some(why)),
                }
            });
        }
    };
    let on_rubric = move |ev: leptos::ev::Event| {
        let Some(file) = files_of(&ev).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let parsed = read_file(file, MAX_FILE_BYTES).await.and_then(|b| {
                Rubric::parse(&b)
                    .map_err(|e| Text::new("verify-bad-rubric").with("why", e.to_string()))
            });
            match parsed {
                Ok(r) => {
                    error.set(None);
                    rubric.set(Some(Arc::new(r)));
                }
                Err(why) => error.set(Some(why)),
            }
        });
    };
    let on_reports = move |ev: leptos::ev::Event| {
        let files = files_of(&ev);
        if files.is_empty() {
            return;
        }
        verdicts.set(Vec::new());
        twins.set(Vec::new());
        let total = files.len();
        progress.set(Some((0, total)));
        // Read now: the view may close while the reports are checked. A newer drop stops this one.
        let (given_now, rubric_now) = (given.get_untracked(), rubric.get_untracked());
        batch.update_value(|b| *b += 1);
        let mine = batch.get_value();
        let is_current = move || batch.try_get_value() == Some(mine);
        leptos::task::spawn_local(async move {
            let resources = resources.get();
            let mut records = Vec::new();
            let mut out = Vec::new();
            for (done, file) in files.into_iter().enumerate() {
                let name = file.name();
                let verdict = match read_file(file, MAX_REPORT_BYTES).await {
                    Err(why) => unreadable(&name, why),
                    Ok(bytes) => match extract_record(&String::from_utf8_lossy(&bytes)) {
                        Err(e) => unreadable(
                            &name,
                            Text::new("verify-unreadable-report")
                                .with("file", name.clone())
                                .with("why", e.text()),
                        ),
                        Ok(record) => {
                            let verdict = check_one(
                                resources.clone(),
                                &record,
                                &given_now,
                                rubric_now.clone(),
                            )
                            .await;
                            records.push(record);
                            verdict
                        }
                    },
                };
                if !is_current() {
                    return;
                }
                out.push(verdict);
                verdicts.try_set(out.clone());
                progress.try_set(Some((done + 1, total)));
            }
            twins.try_set(identical_weights(&records));
        });
    };
    let csv = move |_| {
        let text = verdicts.with_untracked(|v| gradebook_csv(v));
        if let Err(why) = download(text.as_bytes(), "gradebook.csv") {
            error.set(Some(Text::new("hw-download-failed").with("why", why)));
        }
    };
    view! {
        <section class="verify-view">
            <h2>{move || i18n.t("verify-title")}</h2>
            <p class="lead">{move || i18n.t("verify-lead")}</p>
            <Message text=error testid="verify-error" />
            <div class="buttons">
                <label class="file">{move || i18n.t("verify-reports")}" "
                    <input type="file" multiple accept=".html,text/html" data-testid="verify-reports" on:change=on_reports />
                </label>
                <label class="file">{move || i18n.t("verify-rubric")}" "
                    <input type="file" accept=".json,application/json" data-testid="verify-rubric" on:change=on_rubric />
                </label>
                <label class="file">{move || i18n.t("verify-assignment")}" "
                    <input type="file" multiple accept=".json,application/json" data-testid="verify-assignment" on:change=on_assignment />
                </label>
            </div>
            <p class="caption">
                {move || rubric.with(|r| r.as_ref().map(|r| i18n.t_with("verify-rubric-loaded", &[("checks", r.checks.len().into())])))}
            </p>
            {move || progress.get().map(|(done, total)| view! {
                <p class="caption" role="status" data-testid="verify-progress" data-done=(done == total).to_string()>
                    {i18n.t_with("verify-progress", &[("done", done.into()), ("total", total.into())])}
                </p>
            })}
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t("verify-title")>
            <table class="verify-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("verify-student")}</th>
                        <th scope="col">{move || i18n.t("verify-status")}</th>
                        <th scope="col">{move || i18n.t("verify-score")}</th>
                        <th scope="col">{move || i18n.t("verify-feedback")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || verdicts.get().into_iter().map(|v| row(v, error)).collect_view()}
                </tbody>
            </table>
            </div>
            {move || {
                let pairs = twins.get();
                (!pairs.is_empty()).then(|| view! {
                    <div class="error" role="alert" data-testid="verify-identical">
                        <p>{i18n.t("verify-identical")}</p>
                        <ul>{pairs.into_iter().map(|(a, b, task)| view! { <li>{i18n.t_with("verify-identical-pair", &[("a", a.into()), ("b", b.into()), ("task", task.into())])}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <button data-testid="verify-csv" disabled=move || verdicts.with(Vec::is_empty) on:click=csv>{move || i18n.t("verify-csv")}</button>
        </section>
    }
}

/// One report's row: who, the status (with what is wrong), the score and the feedback file.
fn row(verdict: Verdict, error: RwSignal<Option<Text>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = verdict.student.id.clone();
    let feedback = {
        let verdict = verdict.clone();
        move |_| {
            let text = feedback_text(&verdict, i18n.lang_signal().get_untracked());
            let name = format!("feedback-{}.txt", verdict.student.id);
            if let Err(why) = download(text.as_bytes(), &name) {
                error.set(Some(Text::new("hw-download-failed").with("why", why)));
            }
        }
    };
    view! {
        <tr data-testid=format!("verify-row-{id}") data-status=verdict.status.word()>
            <th scope="row">{verdict.student.name.clone()}" ("{id.clone()}")"</th>
            <td>
                <strong>{
                    let label = verdict.status.label();
                    move || i18n.text(&label)
                }</strong>
                <ul class="caption">{verdict.messages.iter().cloned().map(|m| view! { <li>{move || i18n.text(&m)}</li> }).collect_view()}</ul>
            </td>
            <td data-testid=format!("verify-score-{id}")>{format!("{} / {}", verdict.score, verdict.max_score)}</td>
            <td><button data-testid=format!("verify-feedback-{id}") on:click=feedback>{move || i18n.t("verify-feedback-download")}</button></td>
        </tr>
    }
}

/// The verdict on one report: the checks of `verify_record`, then the retraining of the
/// CPU-trained models.
async fn check_one(
    resources: Arc<crate::app::engine::resources::Resources>,
    record: &ReportRecord,
    given: &[Arc<Assignment>],
    rubric: Option<Arc<Rubric>>,
) -> Verdict {
    let Some(assignment) = assignment_for(record, given).await else {
        return unreadable(
            &record.student.id,
            Text::new("verify-no-assignment").with("id", record.assignment.id.clone()),
        );
    };
    let data = resources.clone();
    let recompute =
        move |_task: usize, bytes: &[u8]| -> Result<BTreeMap<String, f64>, TrainedFileError> {
            model_metrics(bytes, data.test_digits(), &Device::flex())
        };
    let mut verdict = verify_record(record, &assignment, rubric.as_deref(), &recompute);
    if matches!(verdict.status, Status::Verified | Status::Mismatch { .. }) {
        replay::check_retraining(&resources, record, &mut verdict).await;
    }
    verdict
}
