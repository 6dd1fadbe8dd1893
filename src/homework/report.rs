//! The report a student hands in: ONE self-contained HTML file that a person reads (and prints)
//! and that holds the machine-readable [`ReportRecord`] the teacher's Latent Lab checks.

use std::collections::BTreeMap;
use std::fmt::{self, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use super::assignment::{Assignment, Bilingual};
use super::checks::{CheckResult, Visibility};
use super::log::{LogEntry, WorkLog};
use super::{canonical_json, sha256_hex};
use crate::i18n::number::format_number;
use crate::i18n::{Arg, Decimals, Lang, Text, tk};

pub const REPORT_FORMAT: &str = "latent-lab-report";
pub const REPORT_VERSION: u64 = 1;
/// A report larger than this is refused before it is read (a report embeds a few models).
pub const MAX_REPORT_BYTES: usize = 64 * 1024 * 1024;
/// The `id` of the `<script>` element that holds the record.
pub const RECORD_ELEMENT_ID: &str = "latent-lab-report";

/// The assignment a report answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AssignmentRef {
    pub id: String,
    pub hash: String,
    pub title: Bilingual,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Student {
    pub name: String,
    pub id: String,
}

/// A figure of a task, as a PNG.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Figure {
    pub name: String,
    pub png_base64: String,
}

/// What the student hands in for one task.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct TaskReport {
    /// The task's number, from 1.
    pub task: usize,
    /// The lab configuration (`LabConfig` as JSON) of the model handed in, or the view's settings.
    pub config: Option<serde_json::Value>,
    pub seed: Option<u64>,
    pub engine: Option<String>,
    /// Optimiser steps of the model handed in.
    pub steps: Option<u64>,
    pub metrics: BTreeMap<String, f64>,
    /// The app's model file (`model::trained_file::encode`: configuration, history and the
    /// SafeTensors weights), base64.
    pub model_base64: Option<String>,
    /// SHA-256 of the model's SafeTensors weights.
    pub weights_sha256: Option<String>,
    pub answer: Option<String>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// The public checks as the student's app evaluated them.
    #[serde(default)]
    pub checks: Vec<CheckResult>,
}

impl TaskReport {
    /// The embedded model file's bytes, if there is one.
    pub fn model_bytes(&self) -> Result<Option<Vec<u8>>, ReportError> {
        self.model_base64
            .as_deref()
            .map(|b| {
                STANDARD
                    .decode(b.trim())
                    .map_err(|e| ReportError::ModelNotBase64(e.to_string()))
            })
            .transpose()
    }

    /// Embeds the app's model file.
    pub fn set_model(&mut self, model_file: &[u8]) {
        self.model_base64 = Some(STANDARD.encode(model_file));
    }
}

/// One test in the shape of Gradescope's `results.json` (`tests` entries).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GradeResult {
    pub name: String,
    pub score: f64,
    pub max_score: f64,
    /// `visible` or `hidden`.
    pub visibility: String,
    pub output: String,
}

/// The machine-readable report.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ReportRecord {
    pub format: String,
    pub version: u64,
    pub app_version: String,
    pub assignment: AssignmentRef,
    pub student: Student,
    pub created_ms: f64,
    pub tasks: Vec<TaskReport>,
    pub log: Vec<LogEntry>,
    pub log_head: String,
    pub results: Vec<GradeResult>,
    /// SHA-256 of the record's canonical JSON with this field empty.
    pub record_sha256: String,
}

/// The results of tasks' checks, Gradescope-style (`task 1: mse-below`).
pub fn grade_results<'a>(
    checks: impl IntoIterator<Item = (usize, &'a CheckResult)>,
) -> Vec<GradeResult> {
    checks
        .into_iter()
        .map(|(task, c)| GradeResult {
            name: format!("task {task}: {}", c.id),
            score: c.points_awarded,
            max_score: c.max_points,
            visibility: c.visibility.gradescope().into(),
            output: c.message.in_lang(Lang::En),
        })
        .collect()
}

impl ReportRecord {
    /// A sealed record: the results are the tasks' checks, the log and its head copied.
    pub fn new(
        assignment: &Assignment,
        student: Student,
        app_version: &str,
        created_ms: f64,
        tasks: Vec<TaskReport>,
        log: &WorkLog,
    ) -> ReportRecord {
        let results = grade_results(
            tasks
                .iter()
                .flat_map(|t| t.checks.iter().map(move |c| (t.task, c))),
        );
        let mut record = ReportRecord {
            format: REPORT_FORMAT.into(),
            version: REPORT_VERSION,
            app_version: app_version.into(),
            assignment: AssignmentRef {
                id: assignment.id.clone(),
                hash: assignment.hash(),
                title: assignment.title.clone(),
            },
            student,
            created_ms,
            tasks,
            log: log.entries.clone(),
            log_head: log.head(),
            results,
            record_sha256: String::new(),
        };
        record.seal();
        record
    }

    /// The hash this record should carry.
    pub fn computed_sha256(&self) -> String {
        let mut copy = self.clone();
        copy.record_sha256 = String::new();
        sha256_hex(&canonical_json(&copy))
    }

    /// Sets `record_sha256` (after any change).
    pub fn seal(&mut self) {
        self.record_sha256 = self.computed_sha256();
    }

    pub fn task(&self, task: usize) -> Option<&TaskReport> {
        self.tasks.iter().find(|t| t.task == task)
    }

    /// A file name for the report: `ae-sizes_ana-pop.html` (letters, digits and `-` only).
    pub fn file_name(&self) -> String {
        let clean = |s: &str| -> String {
            let mut out = String::new();
            for c in s.trim().chars() {
                if c.is_ascii_alphanumeric() {
                    out.push(c.to_ascii_lowercase());
                } else if !out.ends_with('-') {
                    out.push('-');
                }
            }
            out.trim_matches('-').to_string()
        };
        let who = if self.student.id.trim().is_empty() {
            clean(&self.student.name)
        } else {
            clean(&self.student.id)
        };
        format!("{}_{}.html", clean(&self.assignment.id), who)
    }
}

/// Why a report (or a model embedded in it) could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReportError {
    TooLarge {
        bytes: usize,
    },
    MissingRecord,
    BadJson(String),
    WrongFormat(String),
    NewerVersion(u64),
    /// A task's embedded model is not base64.
    ModelNotBase64(String),
}

impl ReportError {
    /// What is wrong, as a sentence.
    pub fn text(&self) -> Text {
        match self {
            Self::TooLarge { bytes } => Text::new("report-too-large")
                .with("bytes", *bytes)
                .with("max", MAX_REPORT_BYTES),
            Self::MissingRecord => {
                Text::new("report-missing-record").with("element", RECORD_ELEMENT_ID)
            }
            Self::BadJson(why) => Text::new("report-damaged").with("why", why.clone()),
            Self::WrongFormat(found) => Text::new("report-wrong-format")
                .with("found", found.clone())
                .with("format", REPORT_FORMAT),
            Self::NewerVersion(v) => Text::new("report-newer")
                .with("version", *v)
                .with("reads", REPORT_VERSION),
            Self::ModelNotBase64(why) => {
                Text::new("report-model-not-base64").with("why", why.clone())
            }
        }
    }
}

/// In English, for logs and tests.
impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().in_lang(Lang::En))
    }
}

impl std::error::Error for ReportError {}

/// Text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The record as JSON that cannot end its `<script>` element: every `<` written `\u003c` (JSON
/// has `<` only inside strings, where the escape means the same).
fn script_json(record: &ReportRecord) -> String {
    let json = String::from_utf8(canonical_json(record)).expect("JSON is UTF-8");
    json.replace('<', "\\u003c")
}

/// A number as the report's tables show it: up to 6 decimals, written the language's way.
fn number(v: f64, lang: Lang) -> String {
    format_number(v, Decimals::UpTo(6), true, lang)
}

/// Points as a message shows them (up to 6 decimals, as the tables).
fn points(v: f64) -> Arg {
    Arg::Num(v, Decimals::UpTo(6))
}

/// Milliseconds since 1970 as `YYYY-MM-DD HH:MM UTC` (no clock, no time zone database).
pub fn utc_text(ms: f64) -> String {
    if !ms.is_finite() || ms < 0.0 {
        return String::new();
    }
    let secs = (ms / 1000.0).floor() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3600,
        (rem % 3600) / 60
    )
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:52rem;\
margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;\
padding-bottom:.2rem;margin-top:2rem}h3{font-size:1rem;margin:1rem 0 .3rem}\
table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;\
text-align:left;vertical-align:top}td.num{text-align:right;font-variant-numeric:tabular-nums}\
.pass{color:#1b6e20}.fail{color:#b00020}.muted{color:#666;font-size:.85rem}\
.answer{white-space:pre-wrap;border-left:3px solid #999;padding:.3rem .8rem;background:#f6f6f6}\
figure{display:inline-block;margin:.5rem 1rem .5rem 0}figure img{max-width:100%;\
image-rendering:pixelated;border:1px solid #ddd}figcaption{font-size:.85rem;color:#444}\
code{font-size:.8rem;word-break:break-all}\
@media print{body{margin:0;max-width:none;font-size:11pt}section.task{break-inside:avoid-page}\
h2{break-after:avoid}.answer{background:none}a{color:inherit}}";

/// The report as a standalone HTML page in `lang`: no external resource and no script that runs
/// (a Content-Security-Policy says so), every text escaped, the record in a JSON `<script>`.
pub fn render_html(record: &ReportRecord, lang: Lang) -> String {
    let e = escape_html;
    // Translations are escaped like everything else: a message may hold `&` or quotes.
    let say = |text: Text| e(&text.in_lang(lang));
    let t = |key: &'static str| say(Text::new(key));
    let mut h = String::new();
    let title = record.assignment.title.get(lang);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"Latent Lab {}\">\n<title>{} — {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        lang.tag(),
        e(&record.app_version),
        e(title),
        e(&record.student.name),
    );
    let _ = write!(
        h,
        "<header>\n<p class=\"muted\">{}</p>\n<h1>{}</h1>\n<table>\n\
<tr><th>{}</th><td>{}</td></tr>\n<tr><th>{}</th><td>{}</td></tr>\n<tr><th>{}</th><td>{}</td></tr>\n</table>\n</header>\n",
        t(tk("report-heading")),
        e(title),
        t(tk("report-student")),
        e(&record.student.name),
        t(tk("report-student-id")),
        e(&record.student.id),
        t(tk("report-created")),
        e(&utc_text(record.created_ms)),
    );
    for task in &record.tasks {
        let _ = write!(
            h,
            "<section class=\"task\">\n<h2>{}</h2>\n",
            say(Text::new("report-task").with("n", task.task))
        );
        let mut empty = true;
        let mut settings = Vec::new();
        if let Some(seed) = task.seed {
            settings.push((t(tk("report-seed")), seed.to_string()));
        }
        if let Some(engine) = &task.engine {
            settings.push((t(tk("report-engine")), engine.clone()));
        }
        if let Some(steps) = task.steps {
            settings.push((t(tk("report-steps")), steps.to_string()));
        }
        if let Some(config) = &task.config {
            settings.push((t(tk("report-settings")), config.to_string()));
        }
        if let Some(w) = &task.weights_sha256 {
            settings.push((t(tk("report-model")), w.clone()));
        }
        if !settings.is_empty() {
            empty = false;
            h.push_str("<table>\n");
            for (k, v) in settings {
                let _ = writeln!(h, "<tr><th>{k}</th><td><code>{}</code></td></tr>", e(&v));
            }
            h.push_str("</table>\n");
        }
        if let Some(answer) = &task.answer {
            empty = false;
            let _ = write!(
                h,
                "<h3>{}</h3>\n<div class=\"answer\">{}</div>\n",
                t(tk("report-answer")),
                e(answer)
            );
        }
        if !task.metrics.is_empty() {
            empty = false;
            let _ = write!(h, "<h3>{}</h3>\n<table>\n", t(tk("report-metrics")));
            for (name, v) in &task.metrics {
                let _ = writeln!(
                    h,
                    "<tr><th>{}</th><td class=\"num\">{}</td></tr>",
                    e(name),
                    number(*v, lang)
                );
            }
            h.push_str("</table>\n");
        }
        let checks: Vec<&CheckResult> = task
            .checks
            .iter()
            .filter(|c| c.visibility == Visibility::Public)
            .collect();
        if !checks.is_empty() {
            empty = false;
            let _ = write!(h, "<h3>{}</h3>\n<table>\n", t(tk("report-checks")));
            for c in checks {
                let (class, word) = if c.passed {
                    ("pass", t(tk("report-passed")))
                } else {
                    ("fail", t(tk("report-failed")))
                };
                let _ = writeln!(
                    h,
                    "<tr><th>{}</th><td class=\"{class}\">{word}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                    e(&c.id),
                    say(Text::new("report-points")
                        .with("awarded", points(c.points_awarded))
                        .with("max", points(c.max_points))),
                    say(c.message.text().clone())
                );
            }
            h.push_str("</table>\n");
        }
        if !task.figures.is_empty() {
            empty = false;
            let _ = writeln!(h, "<h3>{}</h3>", t(tk("report-figures")));
            for fig in &task.figures {
                let data: String = fig
                    .png_base64
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || "+/=".contains(*c))
                    .collect();
                let _ = writeln!(
                    h,
                    "<figure><img src=\"data:image/png;base64,{data}\" alt=\"{0}\"><figcaption>{0}</figcaption></figure>",
                    e(&fig.name)
                );
            }
        }
        if empty {
            let _ = writeln!(h, "<p class=\"muted\">{}</p>", t(tk("report-nothing")));
        }
        h.push_str("</section>\n");
    }
    let _ = write!(
        h,
        "<footer>\n<h2>{}</h2>\n<p class=\"muted\">{}: <code>{}</code><br>{}: <code>{}</code><br>Latent Lab {}</p>\n</footer>\n",
        t(tk("report-log")),
        say(Text::new("report-log-entries").with("count", record.log.len())),
        e(&record.log_head),
        t(tk("report-record-hash")),
        e(&record.record_sha256),
        e(&record.app_version),
    );
    let _ = write!(
        h,
        "<script type=\"application/json\" id=\"{RECORD_ELEMENT_ID}\">{}</script>\n</body>\n</html>\n",
        script_json(record)
    );
    h
}

/// Reads the record back from a report's HTML (refusing a file over [`MAX_REPORT_BYTES`] before
/// looking at it). The record's hash is not checked here: that is the verification's job.
pub fn extract_record(html: &str) -> Result<ReportRecord, ReportError> {
    if html.len() > MAX_REPORT_BYTES {
        return Err(ReportError::TooLarge { bytes: html.len() });
    }
    let marker = format!("id=\"{RECORD_ELEMENT_ID}\"");
    let at = html.find(&marker).ok_or(ReportError::MissingRecord)?;
    let open_end = html[at..]
        .find('>')
        .map(|i| at + i + 1)
        .ok_or(ReportError::MissingRecord)?;
    let close = html[open_end..]
        .find("</script>")
        .map(|i| open_end + i)
        .ok_or(ReportError::MissingRecord)?;
    let json = &html[open_end..close];
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| ReportError::BadJson(e.to_string()))?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    if format != REPORT_FORMAT {
        return Err(ReportError::WrongFormat(format.to_string()));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > REPORT_VERSION => return Err(ReportError::NewerVersion(v)),
        Some(v) if v >= 1 => {}
        _ => {
            return Err(ReportError::BadJson(
                "\"version\" is not a whole number".into(),
            ));
        }
    }
    serde_json::from_value(value).map_err(|e| ReportError::BadJson(e.to_string()))
}
