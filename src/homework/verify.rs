//! The teacher's side: one verdict per report, a gradebook for the class, feedback per student
//! and the pairs of students who handed in the same weights. Pure logic: recomputing a model's
//! metrics is the caller's (natively [`super::metrics::model_metrics`]; in the browser the
//! engine's evaluation), passed in as a function.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::assignment::{Assignment, Rubric, short};
use super::checks::{CheckMessage, CheckResult, Visibility, evaluate, word_count};
use super::listed;
use super::log::verify_entries;
use super::report::{ReportRecord, Student};
use super::seed::student_seed;
use super::views;
use crate::i18n::{Arg, Decimals, Lang, Text, tk};
use crate::model::lab::LabConfig;
use crate::model::trained_file::{self, TrainedFileError};

/// Recomputes the metrics of task `task`'s model from its model file's bytes.
pub type Recompute = dyn Fn(usize, &[u8]) -> Result<BTreeMap<String, f64>, TrainedFileError>;

/// Relative difference above which a claimed metric and its recomputation disagree.
pub const TOLERANCE: f64 = 1e-4;

/// The verdict on a report, the most serious problem found.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Everything checked out.
    Verified,
    /// The report was changed after the app wrote it: its hash, its log chain, or weights that
    /// are not the ones embedded or not in the log.
    Tampered { field: String },
    /// A claimed number differs from the teacher's recomputation.
    Mismatch {
        field: String,
        claimed: f64,
        recomputed: f64,
    },
    /// The report cannot be checked against this assignment (another assignment, a model that
    /// does not decode, a recomputation that failed).
    Error { message: Text },
}

/// A claimed or recomputed value in a message: enough decimals to see a difference of
/// [`TOLERANCE`].
fn value(v: f64) -> Arg {
    Arg::Num(v, Decimals::UpTo(8))
}

/// Points or a score in a message.
fn points(v: f64) -> Arg {
    Arg::Num(v, Decimals::UpTo(6))
}

impl Status {
    fn severity(&self) -> u8 {
        match self {
            Status::Verified => 0,
            Status::Mismatch { .. } => 1,
            Status::Tampered { .. } => 2,
            Status::Error { .. } => 3,
        }
    }

    /// One word for machines (the page's `data-status`, the gradebook): `verified`, `tampered`,
    /// `mismatch`, `error`.
    pub fn word(&self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Tampered { .. } => "tampered",
            Status::Mismatch { .. } => "mismatch",
            Status::Error { .. } => "error",
        }
    }

    /// The word as a person reads it.
    pub fn label(&self) -> Text {
        Text::new(match self {
            Status::Verified => tk("verify-verdict-verified"),
            Status::Tampered { .. } => tk("verify-verdict-tampered"),
            Status::Mismatch { .. } => tk("verify-verdict-mismatch"),
            Status::Error { .. } => tk("verify-verdict-error"),
        })
    }

    /// The status with its detail, for the gradebook: its word, then the detail in English (the
    /// gradebook is a data file, its columns and words the same for every teacher):
    /// `mismatch: task 1 test_mse (claimed 0.01, recomputed 0.02)`.
    pub fn describe(&self) -> String {
        match self {
            Status::Verified => "verified".into(),
            Status::Tampered { field } => format!("tampered: {field}"),
            Status::Mismatch {
                field,
                claimed,
                recomputed,
            } => format!("mismatch: {field} (claimed {claimed}, recomputed {recomputed})"),
            Status::Error { message } => format!("error: {}", message.in_lang(Lang::En)),
        }
    }

    /// The status as a sentence for the student's feedback.
    pub fn sentence(&self) -> Text {
        match self {
            Status::Verified => Text::new("feedback-verified"),
            Status::Tampered { field } => {
                Text::new("feedback-tampered").with("field", field.clone())
            }
            Status::Mismatch {
                field,
                claimed,
                recomputed,
            } => Text::new("feedback-mismatch")
                .with("field", field.clone())
                .with("claimed", value(*claimed))
                .with("recomputed", value(*recomputed)),
            Status::Error { message } => {
                Text::new("feedback-error").with("message", message.clone())
            }
        }
    }
}

/// One task's outcome.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct TaskVerdict {
    pub task: usize,
    /// Public checks of the assignment, then hidden checks of the rubric.
    pub checks: Vec<CheckResult>,
    pub score: f64,
    pub max_score: f64,
    /// The metrics the checks used (recomputed where they could be).
    pub metrics: BTreeMap<String, f64>,
}

/// The teacher's verdict on one report.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub student: Student,
    pub assignment_id: String,
    pub status: Status,
    pub tasks: Vec<TaskVerdict>,
    /// Points of the checks (public and hidden); answers and figures are graded by hand.
    pub score: f64,
    pub max_score: f64,
    /// Every problem and note found, in the order found.
    pub messages: Vec<Text>,
}

struct Findings {
    status: Status,
    messages: Vec<Text>,
}

impl Findings {
    fn add(&mut self, status: Status, message: Text) {
        if status.severity() > self.status.severity() {
            self.status = status;
        }
        self.messages.push(message);
    }

    fn note(&mut self, message: Text) {
        self.messages.push(message);
    }
}

fn relative_difference(a: f64, b: f64) -> f64 {
    let scale = a.abs().max(b.abs());
    if scale == 0.0 {
        0.0
    } else {
        (a - b).abs() / scale
    }
}

/// An error found in task `n`: the verdict is an error, the message says so.
fn task_error(found: &mut Findings, message: Text) {
    found.add(
        Status::Error {
            message: message.clone(),
        },
        message,
    );
}

/// What can be checked of one task's model: returns the metrics to check the task with, and
/// whether the model breaks the task's constraints.
fn check_model(
    n: usize,
    task: &super::assignment::Task,
    record: &ReportRecord,
    recomputed: &Recompute,
    metrics: &mut BTreeMap<String, f64>,
    found: &mut Findings,
) -> Vec<Text> {
    let mut violations = Vec::new();
    let Some(report) = record.task(n) else {
        return violations;
    };
    let unreadable = |why: String| {
        Text::new("verify-model-unreadable")
            .with("n", n)
            .with("why", why)
    };
    let bytes = match report.model_bytes() {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            if task.model_constraints().is_some() {
                violations.push(Text::new("verify-no-model"));
            }
            return violations;
        }
        Err(why) => {
            task_error(
                found,
                Text::new("verify-in-task")
                    .with("n", n)
                    .with("what", why.text()),
            );
            return violations;
        }
    };
    let (meta, weights) = match trained_file::split(&bytes) {
        Ok(parts) => parts,
        Err(e) => {
            task_error(found, unreadable(e.to_string()));
            return violations;
        }
    };
    let hash = match super::safetensors_sha256(weights) {
        Ok(hash) => hash,
        Err(why) => {
            task_error(found, unreadable(why.to_string()));
            return violations;
        }
    };
    if report.weights_sha256.as_deref() != Some(hash.as_str()) {
        let field = format!("task {n} weights_sha256");
        let named = match report.weights_sha256.as_deref() {
            Some(named) => Arg::from(short(named)),
            None => Arg::from(Text::new("verify-no-weights")),
        };
        found.add(
            Status::Tampered {
                field: field.clone(),
            },
            Text::new("verify-weights-differ")
                .with("field", field)
                .with("named", named)
                .with("embedded", short(&hash)),
        );
    }
    if !record
        .log
        .iter()
        .any(|e| e.task == n && e.weights_sha256.as_deref() == Some(hash.as_str()))
    {
        let field = format!("task {n} weights not in the log");
        found.add(
            Status::Tampered {
                field: field.clone(),
            },
            Text::new("verify-weights-not-logged")
                .with("field", field)
                .with("weights", short(&hash)),
        );
    }
    let config = meta.config.clone();
    if let Some(claimed) = &report.config {
        let same =
            serde_json::from_value::<LabConfig>(claimed.clone()).ok() == Some(config.clone());
        if !same {
            let field = format!("task {n} config");
            found.add(
                Status::Tampered {
                    field: field.clone(),
                },
                Text::new("verify-config-differs").with("field", field),
            );
        }
    }
    let seed = student_seed(&record.assignment.hash, &record.student.id, n);
    if views::train_config(&task.view).is_some() && config.seed != seed {
        let field = format!("task {n} seed");
        found.add(
            Status::Mismatch {
                field: field.clone(),
                claimed: config.seed as f64,
                recomputed: seed as f64,
            },
            // Seeds are names of runs, written without separators.
            Text::new("verify-wrong-seed")
                .with("field", field)
                .with("used", config.seed.to_string())
                .with("seed", seed.to_string()),
        );
    }
    let steps = meta.history.last().map_or(0, |p| p.step) as u64;
    if let Some(constraints) = task.model_constraints() {
        violations.extend(constraints.violations(&config, steps));
    }
    for (key, want, got) in views::locked_differences(&task.view, &task.locked, &config) {
        violations.push(
            Text::new("verify-locked-differs")
                .with("key", key)
                .with("want", want)
                .with("got", got),
        );
    }
    match recomputed(n, &bytes) {
        Ok(values) => {
            for (name, recomputed) in values {
                if let Some(&claimed) = report.metrics.get(&name)
                    && relative_difference(claimed, recomputed) > TOLERANCE
                {
                    let field = format!("task {n} {name}");
                    found.add(
                        Status::Mismatch {
                            field: field.clone(),
                            claimed,
                            recomputed,
                        },
                        Text::new("verify-metric-differs")
                            .with("field", field)
                            .with("claimed", value(claimed))
                            .with("recomputed", value(recomputed)),
                    );
                }
                metrics.insert(name, recomputed);
            }
        }
        Err(why) => task_error(
            found,
            Text::new("verify-not-recomputed")
                .with("n", n)
                .with("why", why.to_string()),
        ),
    }
    violations
}

/// Checks one report against its assignment (and the teacher's hidden checks): the record's
/// hash, the log's chain, each embedded model's weights against the report and the log, the
/// student's seed, the task's constraints and locked settings, each claimed metric against
/// `recomputed(task, model file bytes)`, then every check on the trusted metrics (recomputed
/// ones replace claimed ones; others, like the applications' measures, are taken as claimed).
pub fn verify_record(
    record: &ReportRecord,
    assignment: &Assignment,
    rubric: Option<&Rubric>,
    recomputed: &Recompute,
) -> Verdict {
    let mut found = Findings {
        status: Status::Verified,
        messages: Vec::new(),
    };
    let mut verdict = Verdict {
        student: record.student.clone(),
        assignment_id: record.assignment.id.clone(),
        status: Status::Verified,
        tasks: Vec::new(),
        score: 0.0,
        max_score: 0.0,
        messages: Vec::new(),
    };
    let hash = assignment.hash();
    if record.assignment.id != assignment.id || record.assignment.hash != hash {
        let message = Text::new("verify-other-assignment")
            .with("id", record.assignment.id.clone())
            .with("hash", short(&record.assignment.hash))
            .with("checking", assignment.id.clone())
            .with("checking-hash", short(&hash));
        verdict.status = Status::Error {
            message: message.clone(),
        };
        verdict.messages.push(message);
        return verdict;
    }
    if let Some(Err(e)) = rubric.map(|r| r.check_against(assignment)) {
        let message = Text::new("verify-bad-rubric").with("why", e.to_string());
        verdict.status = Status::Error {
            message: message.clone(),
        };
        verdict.messages.push(message);
        return verdict;
    }
    if record.computed_sha256() != record.record_sha256 {
        found.add(
            Status::Tampered {
                field: "record_sha256".into(),
            },
            Text::new("verify-record-changed"),
        );
    }
    match verify_entries(&record.log) {
        Ok(()) => {
            let head = record
                .log
                .last()
                .map_or(super::log::GENESIS, |e| e.hash.as_str());
            if head != record.log_head {
                found.add(
                    Status::Tampered {
                        field: "log_head".into(),
                    },
                    Text::new("verify-log-head"),
                );
            }
        }
        Err(e) => found.add(
            Status::Tampered {
                field: format!("log ({e})"),
            },
            e.text(),
        ),
    }
    for t in &record.tasks {
        if assignment.task(t.task).is_none() {
            found.note(Text::new("verify-extra-task").with("n", t.task));
        }
    }
    for (i, task) in assignment.tasks.iter().enumerate() {
        let n = i + 1;
        let report = record.task(n);
        let mut metrics = report.map(|r| r.metrics.clone()).unwrap_or_default();
        metrics.retain(|_, v| v.is_finite());
        let violations = check_model(n, task, record, recomputed, &mut metrics, &mut found);
        if let Some(answer) = report.and_then(|r| r.answer.as_deref()) {
            let words = word_count(answer);
            metrics.insert("answer_words".into(), words as f64);
            if let Some((lo, hi)) = task.answer_limits()
                && !(lo..=hi).contains(&words)
            {
                found.note(
                    Text::new("verify-answer-length")
                        .with("n", n)
                        .with("words", words)
                        .with("min", lo)
                        .with("max", hi),
                );
            }
        } else if task.answer_limits().is_some() {
            found.note(Text::new("verify-no-answer").with("n", n));
        }
        if report.is_none() {
            found.note(Text::new("verify-nothing-handed-in").with("n", n));
        }
        let mut checks: Vec<CheckResult> = task
            .checks
            .iter()
            .chain(rubric.into_iter().flat_map(|r| r.checks_of(n)))
            .map(|c| evaluate(c, &metrics))
            .collect();
        if let Some(why) = listed(violations) {
            found.note(
                Text::new("verify-no-points-note")
                    .with("n", n)
                    .with("why", why.clone()),
            );
            for c in &mut checks {
                c.passed = false;
                c.points_awarded = 0.0;
                c.message =
                    CheckMessage::new(Text::new("check-no-points").with("why", why.clone()));
            }
        }
        let score = checks.iter().map(|c| c.points_awarded).sum();
        let max_score = checks.iter().map(|c| c.max_points).sum();
        verdict.score += score;
        verdict.max_score += max_score;
        verdict.tasks.push(TaskVerdict {
            task: n,
            checks,
            score,
            max_score,
            metrics,
        });
    }
    verdict.status = found.status;
    verdict.messages = found.messages;
    verdict
}

/// Students who handed in the very same weights for a task: `(student a, student b, task)` by
/// student id (name if the id is empty), each pair once, in the order of `records`.
pub fn identical_weights(records: &[ReportRecord]) -> Vec<(String, String, usize)> {
    let who = |r: &ReportRecord| {
        if r.student.id.trim().is_empty() {
            r.student.name.clone()
        } else {
            r.student.id.clone()
        }
    };
    let mut out = Vec::new();
    for (i, a) in records.iter().enumerate() {
        for b in &records[i + 1..] {
            for ta in &a.tasks {
                let Some(wa) = &ta.weights_sha256 else {
                    continue;
                };
                if b.task(ta.task)
                    .and_then(|tb| tb.weights_sha256.as_ref())
                    .is_some_and(|wb| wb == wa)
                {
                    out.push((who(a), who(b), ta.task));
                }
            }
        }
    }
    out
}

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
/// doubled. Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a `'` in
/// front.
pub fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv_number(v: f64) -> String {
    format!("{}", (v * 1e6).round() / 1e6)
}

/// The class's gradebook: `student_id,name,status,score,max_score,task 1,…`, one line per
/// verdict, lines ended by CRLF (RFC 4180).
pub fn gradebook_csv(verdicts: &[Verdict]) -> String {
    let tasks = verdicts.iter().map(|v| v.tasks.len()).max().unwrap_or(0);
    let mut out = String::from("student_id,name,status,score,max_score");
    for n in 1..=tasks {
        let _ = write!(out, ",task {n}");
    }
    out.push_str("\r\n");
    for v in verdicts {
        let _ = write!(
            out,
            "{},{},{},{},{}",
            csv_field(&v.student.id),
            csv_field(&v.student.name),
            csv_field(&v.status.describe()),
            csv_number(v.score),
            csv_number(v.max_score)
        );
        for n in 1..=tasks {
            out.push(',');
            if let Some(t) = v.tasks.iter().find(|t| t.task == n) {
                out.push_str(&csv_number(t.score));
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Feedback for the student in `lang`: the verdict, then each task's checks (a hidden check
/// shows only whether it passed, not what it compared).
pub fn feedback_text(verdict: &Verdict, lang: Lang) -> String {
    let say = |text: Text| text.in_lang(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} ({})",
        verdict.assignment_id, verdict.student.name, verdict.student.id
    );
    let _ = writeln!(out, "{}", say(verdict.status.sentence()));
    let _ = writeln!(
        out,
        "{}",
        say(Text::new("feedback-score")
            .with("score", points(verdict.score))
            .with("max", points(verdict.max_score)))
    );
    for t in &verdict.tasks {
        let _ = writeln!(
            out,
            "\n{}",
            say(Text::new("feedback-task")
                .with("n", t.task)
                .with("score", points(t.score))
                .with("max", points(t.max_score)))
        );
        for c in &t.checks {
            let mark = if c.passed { "✓" } else { "✗" };
            let line = match c.visibility {
                Visibility::Public => Text::new("feedback-check")
                    .with("id", c.id.clone())
                    .with("score", points(c.points_awarded))
                    .with("max", points(c.max_points))
                    .with("message", c.message.text().clone()),
                Visibility::Hidden => Text::new("feedback-hidden-check")
                    .with("score", points(c.points_awarded))
                    .with("max", points(c.max_points)),
            };
            let _ = writeln!(out, "  {mark} {}", say(line));
        }
    }
    if !verdict.messages.is_empty() {
        let _ = writeln!(out, "\n{}", say(Text::new("feedback-notes")));
        for m in &verdict.messages {
            let _ = writeln!(out, "  - {}", say(m.clone()));
        }
    }
    out
}
