//! Homework (`#/hw`): open an assignment (bundled, from a file, or from a link), say who you
//! are, work through its tasks, validate the public checks and download the report to hand in.

mod banner;
mod hand_in;
mod task;

pub use banner::HomeworkBanner;

use leptos::prelude::*;
use serde::Deserialize;

use crate::app::components::messages::Message;
use crate::app::homework::{Homework, use_homework};
use crate::app::i18n::use_i18n;
use crate::app::link::use_link;
use crate::app::web::fetch::fetch_bytes;
use crate::app::web::files::{MAX_FILE_BYTES, download, read_file};
use crate::homework::assignment::{Bilingual, MAX_BYTES};
use crate::homework::report::{ReportRecord, render_html};
use crate::i18n::Text;
use crate::link::packed::{pack, unpack};

/// Where the bundled assignments are listed.
const INDEX: &str = "static/assignments/index.json";

/// One entry of the bundled list.
#[derive(Deserialize, Clone, Debug, PartialEq)]
struct Bundled {
    id: String,
    file: String,
    title: Bilingual,
}

/// Whether `path` is a relative path inside the app's folder (a link may only name those).
fn is_relative_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 200
        && !path.starts_with('/')
        && !path.contains("..")
        && !path.contains(':')
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c))
}

/// Fetches an assignment from the app's folder and opens it.
async fn open_path(hw: Homework, path: String) -> Result<(), Text> {
    let bytes = fetch_bytes(&path).await.map_err(|why| {
        Text::new("hw-fetch-failed")
            .with("file", path.clone())
            .with("why", why)
    })?;
    hw.open(&bytes).await
}

#[component]
pub fn HomeworkView() -> impl IntoView {
    let i18n = use_i18n();
    let hw = use_homework();
    let link = use_link();
    let bundled = RwSignal::new(Vec::<Bundled>::new());
    let error = hw.error;
    leptos::task::spawn_local(async move {
        match fetch_bytes(INDEX)
            .await
            .map(|b| serde_json::from_slice::<Vec<Bundled>>(&b))
        {
            Ok(Ok(list)) => bundled.set(list),
            _ => error.set(Some(Text::new("hw-index-failed"))),
        }
    });
    // `#/hw?src=static/assignments/ae-sizes.json` (a file next to the app) or `#/hw?a=z…` (the
    // assignment itself, deflated into the link: see `link::packed`): opened once.
    let from_link = link.read_once("src").map(|path| (path, false));
    let from_link = from_link.or_else(|| link.read_once("a").map(|text| (text, true)));
    if let Some((text, carried)) = from_link {
        leptos::task::spawn_local(async move {
            let outcome = if carried {
                match unpack(&text, MAX_BYTES) {
                    Some(bytes) => hw.open(&bytes).await,
                    None => Err(Text::new("hw-bad-link")),
                }
            } else if is_relative_path(&text) {
                open_path(hw, text).await
            } else {
                Err(Text::new("hw-bad-link"))
            };
            match outcome {
                Ok(()) => error.try_set(None),
                Err(why) => error.try_set(Some(why)),
            };
        });
    }
    // A link that carries the open assignment, for a teacher to hand out.
    let share = RwSignal::new(None::<String>);
    let make_share = move |_| {
        let Some(a) = hw.assignment.get_untracked() else {
            return;
        };
        let here = window().location();
        share.set(Some(format!(
            "{}{}#/hw?a={}",
            here.origin().unwrap_or_default(),
            here.pathname().unwrap_or_default(),
            pack(a.to_pretty_json().as_bytes())
        )));
    };
    let open_file = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            let outcome = match read_file(file, MAX_FILE_BYTES).await {
                Ok(bytes) => hw.open(&bytes).await,
                Err(why) => Err(why),
            };
            match outcome {
                Ok(()) => error.set(None),
                Err(why) => error.set(Some(why)),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            input.set_value("");
            open_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(file);
        }
    };
    let report = move |_| {
        let Some(assignment) = hw.assignment.get_untracked() else {
            return;
        };
        if hw
            .student
            .with_untracked(|s| s.id.trim().is_empty() || s.name.trim().is_empty())
        {
            error.set(Some(Text::new("hw-need-identity")));
            return;
        }
        hw.validate();
        let checks = hw.checks.get_untracked().unwrap_or_default();
        let tasks = (1..=assignment.tasks.len())
            .map(|n| {
                let mut t = hw
                    .work
                    .with_untracked(|w| w.hand_ins.get(&n).cloned())
                    .unwrap_or_default();
                t.task = n;
                t.answer = hw.work.with_untracked(|w| w.answers.get(&n).cloned());
                if t.answer.is_some() {
                    t.metrics.extend(
                        hw.task_metrics(n)
                            .into_iter()
                            .filter(|(k, _)| k == "answer_words"),
                    );
                }
                t.checks = checks.get(&n).cloned().unwrap_or_default();
                t
            })
            .collect();
        let record = hw.work.with_untracked(|w| {
            ReportRecord::new(
                &assignment,
                hw.student.get_untracked(),
                env!("CARGO_PKG_VERSION"),
                js_sys::Date::now(),
                tasks,
                &w.log,
            )
        });
        let html = render_html(&record, i18n.lang_signal().get_untracked());
        if let Err(why) = download(html.as_bytes(), &record.file_name()) {
            error.set(Some(Text::new("hw-download-failed").with("why", why)));
        }
    };
    let student = hw.student;
    view! {
        <section class="hw-view">
            <h2>{move || i18n.t("hw-title")}</h2>
            <p class="lead">{move || i18n.t("hw-lead")}</p>
            <Message text=error testid="hw-error" />
            <Message text=hw.notice testid="hw-notice" class="caption" />
            <div class="hw-open" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <h3>{move || i18n.t("hw-bundled")}</h3>
                <div class="buttons">
                    <For each=move || bundled.get() key=|b| b.id.clone() let:b>
                        <button
                            data-testid=format!("hw-bundled-{}", b.id)
                            on:click={
                                let file = b.file.clone();
                                move |_| {
                                    let path = format!("static/assignments/{file}");
                                    leptos::task::spawn_local(async move {
                                        match open_path(hw, path).await {
                                            Ok(()) => error.set(None),
                                            Err(why) => error.set(Some(why)),
                                        }
                                    });
                                }
                            }
                        >
                            {
                                let title = b.title.clone();
                                move || title.get(i18n.lang()).to_string()
                            }
                        </button>
                    </For>
                </div>
                <label class="file">{move || i18n.t("hw-open-file")}" "
                    <input type="file" accept=".json,application/json" data-testid="hw-open" on:change=on_pick />
                </label>
                <p class="caption">{move || i18n.t("hw-drop")}</p>
            </div>
            <div class="hw-student">
                <label>{move || i18n.t("hw-student-name")}" "
                    <input type="text" data-testid="hw-student-name" autocomplete="name"
                        prop:value=move || student.with(|s| s.name.clone())
                        on:change=move |ev| student.update(|s| s.name = event_target_value(&ev).trim().to_string()) />
                </label>
                <label>{move || i18n.t("hw-student-id")}" "
                    <input type="text" data-testid="hw-student-id"
                        prop:value=move || student.with(|s| s.id.clone())
                        on:change=move |ev| student.update(|s| s.id = event_target_value(&ev).trim().to_string()) />
                </label>
            </div>
            {move || hw.assignment.get().map(|a| {
                let lang = i18n.lang();
                let tasks = (1..=a.tasks.len()).map(|n| view! { <task::TaskCard n=n /> }).collect_view();
                view! {
                    <article class="hw-assignment" data-testid="hw-assignment" data-id=a.id.clone()>
                        <h3>{a.title.get(lang).to_string()}</h3>
                        <p>{a.instructions.get(lang).to_string()}</p>
                        {tasks}
                        <div class="buttons">
                            <button data-testid="hw-validate" on:click=move |_| hw.validate()>{move || i18n.t("hw-validate")}</button>
                            <button data-testid="hw-report" on:click=report>{move || i18n.t("hw-report")}</button>
                        </div>
                        <p class="caption">{move || i18n.t("hw-report-explain")}</p>
                        <details class="hw-share">
                            <summary>{move || i18n.t("hw-share")}</summary>
                            <p class="caption">{move || i18n.t("hw-share-explain")}</p>
                            <button data-testid="hw-share" on:click=make_share>{move || i18n.t("hw-share-make")}</button>
                            {move || share.get().map(|url| view! {
                                <input type="text" readonly data-testid="hw-share-url" prop:value=url aria-label=move || i18n.t("hw-share") />
                            })}
                        </details>
                    </article>
                }
            })}
            <p class="caption"><a href="#/verify" data-testid="hw-to-verify">{move || i18n.t("hw-teacher-link")}</a></p>
        </section>
    }
}
