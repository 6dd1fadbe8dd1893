//! The teacher's side: one verdict per report, a gradebook for the class, feedback per student
//! and the pairs of students who handed in the same weights. Pure logic: recomputing a model's
//! metrics is the caller's (natively [`super::metrics::model_metrics`]; in the browser the
//! engine's evaluation), passed in as a function.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::assignment::{Assignment, Rubric, short};
use super::checks::{CheckResult, Visibility, evaluate, word_count};
use super::log::verify_entries;
use super::report::{ReportRecord, Student};
use super::seed::student_seed;
use super::views;
use crate::i18n::Lang;
use crate::model::lab::LabConfig;
use crate::model::trained_file;

/// Recomputes the metrics of task `task`'s model from its model file's bytes.
pub type Recompute = dyn Fn(usize, &[u8]) -> Result<BTreeMap<String, f64>, String>;

/// Relative difference above which a claimed metric and its recomputation disagree.
pub const TOLERANCE: f64 = 1e-4;

/// The verdict on a report, the most serious problem found.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "status", rename_all = "snake_case")]
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
    Error { message: String },
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

    /// One word: `verified`, `tampered`, `mismatch`, `error`.
    pub fn word(&self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Tampered { .. } => "tampered",
            Status::Mismatch { .. } => "mismatch",
            Status::Error { .. } => "error",
        }
    }

    /// The status with its detail, in English: `mismatch: task 1 test_mse (claimed 0.01, recomputed 0.02)`.
    pub fn describe(&self) -> String {
        match self {
            Status::Verified => "verified".into(),
            Status::Tampered { field } => format!("tampered: {field}"),
            Status::Mismatch {
                field,
                claimed,
                recomputed,
            } => format!("mismatch: {field} (claimed {claimed}, recomputed {recomputed})"),
            Status::Error { message } => format!("error: {message}"),
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
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Verdict {
    pub student: Student,
    pub assignment_id: String,
    pub status: Status,
    pub tasks: Vec<TaskVerdict>,
    /// Points of the checks (public and hidden); answers and figures are graded by hand.
    pub score: f64,
    pub max_score: f64,
    /// Every problem and note found, in English, in the order found.
    pub messages: Vec<String>,
}

struct Findings {
    status: Status,
    messages: Vec<String>,
}

impl Findings {
    fn add(&mut self, status: Status, message: String) {
        if status.severity() > self.status.severity() {
            self.status = status;
        }
        self.messages.push(message);
    }

    fn note(&mut self, message: String) {
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

/// What can be checked of one task's model: returns the metrics to check the task with, and
/// whether the model breaks the task's constraints.
fn check_model(
    n: usize,
    task: &super::assignment::Task,
    record: &ReportRecord,
    recomputed: &Recompute,
    metrics: &mut BTreeMap<String, f64>,
    found: &mut Findings,
) -> Vec<String> {
    let mut violations = Vec::new();
    let Some(report) = record.task(n) else {
        return violations;
    };
    let bytes = match report.model_bytes() {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            if task.model_constraints().is_some() {
                violations.push("no model was handed in".to_string());
            }
            return violations;
        }
        Err(why) => {
            found.add(
                Status::Error {
                    message: format!("task {n}: {why}"),
                },
                format!("task {n}: {why}"),
            );
            return violations;
        }
    };
    let (meta, weights) = match trained_file::split(&bytes) {
        Ok(parts) => parts,
        Err(e) => {
            let message = format!("task {n}: the embedded model cannot be read: {e}");
            found.add(
                Status::Error {
                    message: message.clone(),
                },
                message,
            );
            return violations;
        }
    };
    let hash = match super::safetensors_sha256(weights) {
        Ok(hash) => hash,
        Err(why) => {
            let message = format!("task {n}: the embedded model cannot be read: {why}");
            found.add(
                Status::Error {
                    message: message.clone(),
                },
                message,
            );
            return violations;
        }
    };
    if report.weights_sha256.as_deref() != Some(hash.as_str()) {
        let field = format!("task {n} weights_sha256");
        found.add(
            Status::Tampered {
                field: field.clone(),
            },
            format!(
                "{field}: the report names weights {}, the embedded model's are {}",
                report.weights_sha256.as_deref().map_or("none", short),
                short(&hash)
            ),
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
            format!(
                "{field}: no run of the work log produced weights {}",
                short(&hash)
            ),
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
                format!("{field}: the report's settings are not those of the embedded model"),
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
            format!(
                "{field}: the model was trained with seed {}, this student's seed is {seed}",
                config.seed
            ),
        );
    }
    let steps = meta.history.last().map_or(0, |p| p.step) as u64;
    if let Some(constraints) = task.model_constraints() {
        violations.extend(constraints.violations(&config, steps));
    }
    for (key, want, got) in views::locked_differences(&task.view, &task.locked, &config) {
        violations.push(format!(
            "setting '{key}' is locked to {want}, the model has {got}"
        ));
    }
    match recomputed(n, &bytes) {
        Ok(values) => {
            for (name, value) in values {
                if let Some(&claimed) = report.metrics.get(&name)
                    && relative_difference(claimed, value) > TOLERANCE
                {
                    let field = format!("task {n} {name}");
                    found.add(
                        Status::Mismatch {
                            field: field.clone(),
                            claimed,
                            recomputed: value,
                        },
                        format!("{field}: claimed {claimed}, recomputed {value}"),
                    );
                }
                metrics.insert(name, value);
            }
        }
        Err(why) => {
            let message = format!("task {n}: the model's metrics could not be recomputed: {why}");
            found.add(
                Status::Error {
                    message: message.clone(),
                },
                message,
            );
        }
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
        let message = format!(
            "the report is for assignment '{}' ({}), not '{}' ({})",
            record.assignment.id,
            short(&record.assignment.hash),
            assignment.id,
            short(&hash)
        );
        verdict.status = Status::Error {
            message: message.clone(),
        };
        verdict.messages.push(message);
        return verdict;
    }
    if let Some(Err(e)) = rubric.map(|r| r.check_against(assignment)) {
        verdict.status = Status::Error {
            message: e.to_string(),
        };
        verdict.messages.push(e.to_string());
        return verdict;
    }
    if record.computed_sha256() != record.record_sha256 {
        found.add(
            Status::Tampered {
                field: "record_sha256".into(),
            },
            "record_sha256: the record was changed after the app wrote it".into(),
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
                    "log_head: it is not the hash of the log's last entry".into(),
                );
            }
        }
        Err(e) => found.add(
            Status::Tampered {
                field: format!("log ({e})"),
            },
            e.to_string(),
        ),
    }
    for t in &record.tasks {
        if assignment.task(t.task).is_none() {
            found.note(format!(
                "the report has a task {} that the assignment does not have (ignored)",
                t.task
            ));
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
                found.note(format!(
                    "task {n}: the answer has {words} words, the task asks for {lo} to {hi}"
                ));
            }
        } else if task.answer_limits().is_some() {
            found.note(format!("task {n}: no answer was handed in"));
        }
        if report.is_none() {
            found.note(format!("task {n}: nothing was handed in"));
        }
        let mut checks: Vec<CheckResult> = task
            .checks
            .iter()
            .chain(rubric.into_iter().flat_map(|r| r.checks_of(n)))
            .map(|c| evaluate(c, &metrics))
            .collect();
        if !violations.is_empty() {
            let why = violations.join("; ");
            found.note(format!("task {n}: {why}: the task's checks give no points"));
            for c in &mut checks {
                c.passed = false;
                c.points_awarded = 0.0;
                c.message = format!("no points: the model does not fit the task ({why})");
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
    let ro = lang == Lang::Ro;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} ({})",
        verdict.assignment_id, verdict.student.name, verdict.student.id
    );
    let status = match (&verdict.status, ro) {
        (Status::Verified, true) => {
            "Raport verificat: metricile recalculate confirmă rezultatele.".to_string()
        }
        (Status::Verified, false) => {
            "Report verified: the recomputed metrics confirm the results.".to_string()
        }
        (Status::Tampered { field }, true) => {
            format!("Raportul a fost modificat după ce l-a scris aplicația ({field}).")
        }
        (Status::Tampered { field }, false) => {
            format!("The report was changed after the app wrote it ({field}).")
        }
        (
            Status::Mismatch {
                field,
                claimed,
                recomputed,
            },
            true,
        ) => format!(
            "O valoare nu se confirmă: {field}: în raport {claimed}, recalculat {recomputed}."
        ),
        (
            Status::Mismatch {
                field,
                claimed,
                recomputed,
            },
            false,
        ) => format!(
            "A value does not check out: {field}: reported {claimed}, recomputed {recomputed}."
        ),
        (Status::Error { message }, true) => format!("Raportul nu a putut fi verificat: {message}"),
        (Status::Error { message }, false) => format!("The report could not be checked: {message}"),
    };
    let _ = writeln!(out, "{status}");
    let _ = writeln!(
        out,
        "{}: {} / {}",
        if ro {
            "Punctaj automat"
        } else {
            "Automatic score"
        },
        csv_number(verdict.score),
        csv_number(verdict.max_score)
    );
    for t in &verdict.tasks {
        let _ = writeln!(
            out,
            "\n{} {}: {} / {}",
            if ro { "Sarcina" } else { "Task" },
            t.task,
            csv_number(t.score),
            csv_number(t.max_score)
        );
        for c in &t.checks {
            let mark = if c.passed { "✓" } else { "✗" };
            match c.visibility {
                Visibility::Public => {
                    let _ = writeln!(
                        out,
                        "  {mark} {} ({} / {}): {}",
                        c.id,
                        csv_number(c.points_awarded),
                        csv_number(c.max_points),
                        c.message
                    );
                }
                Visibility::Hidden => {
                    let _ = writeln!(
                        out,
                        "  {mark} {} ({} / {})",
                        if ro {
                            "verificare ascunsă"
                        } else {
                            "hidden check"
                        },
                        csv_number(c.points_awarded),
                        csv_number(c.max_points)
                    );
                }
            }
        }
    }
    if !verdict.messages.is_empty() {
        let _ = writeln!(out, "\n{}:", if ro { "Observații" } else { "Notes" });
        for m in &verdict.messages {
            let _ = writeln!(out, "  - {m}");
        }
    }
    out
}
