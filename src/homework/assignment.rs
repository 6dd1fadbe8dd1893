//! The assignment file a teacher writes (`latent-lab-assignment`, version 1) and the rubric file
//! with the hidden checks the teacher keeps (`latent-lab-rubric`, version 1). The format is
//! documented in `docs/assignments.md` and described by `static/assignments/schema.json`.

use std::fmt;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

pub use super::checks::{Check, Op, Visibility};
use super::{canonical_json, sha256_hex, views};
use crate::i18n::{Lang, Text, tk};
use crate::slug::Slug;

pub const ASSIGNMENT_FORMAT: &str = "latent-lab-assignment";
pub const RUBRIC_FORMAT: &str = "latent-lab-rubric";
/// The version of the assignment and rubric formats this Latent Lab reads and writes.
pub const VERSION: u64 = 1;
/// An assignment or rubric file larger than this is refused before it is read.
pub const MAX_BYTES: usize = 1024 * 1024;

/// A text in both languages of the app.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    #[serde(default)]
    pub ro: String,
    #[serde(default)]
    pub en: String,
}

impl Bilingual {
    pub fn new(ro: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            ro: ro.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ro => &self.ro,
            Lang::En => &self.en,
        }
    }

    /// The first language whose text is missing (empty or only spaces).
    fn missing(&self) -> Option<&'static str> {
        if self.ro.trim().is_empty() {
            Some("ro")
        } else if self.en.trim().is_empty() {
            Some("en")
        } else {
            None
        }
    }
}

/// Limits on the model a task asks for; every field is optional.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct ModelConstraints {
    /// The kind's slug (`ae`, `vae`, `denoising`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latent: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latent_min: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latent_max: Option<usize>,
    /// The run's configured epochs at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_epochs: Option<usize>,
    /// Optimiser steps done at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_steps: Option<u64>,
}

impl ModelConstraints {
    /// What a model with `config` trained for `steps` steps breaks, one sentence each.
    pub fn violations(&self, config: &crate::model::lab::LabConfig, steps: u64) -> Vec<Text> {
        let mut out = Vec::new();
        if let Some(kind) = &self.kind
            && config.kind.slug() != kind
        {
            out.push(
                Text::new("constraint-kind")
                    .with("got", config.kind.slug())
                    .with("want", kind.clone()),
            );
        }
        let latent = |key: &'static str, want: usize| {
            Text::new(key).with("got", config.latent).with("want", want)
        };
        if let Some(l) = self.latent
            && config.latent != l
        {
            out.push(latent(tk("constraint-latent"), l));
        }
        if let Some(l) = self.latent_min
            && config.latent < l
        {
            out.push(latent(tk("constraint-latent-min"), l));
        }
        if let Some(l) = self.latent_max
            && config.latent > l
        {
            out.push(latent(tk("constraint-latent-max"), l));
        }
        if let Some(e) = self.min_epochs
            && config.epochs < e
        {
            out.push(
                Text::new("constraint-epochs")
                    .with("got", config.epochs)
                    .with("want", e),
            );
        }
        if let Some(s) = self.min_steps
            && steps < s
        {
            out.push(
                Text::new("constraint-steps")
                    .with("got", steps)
                    .with("want", s),
            );
        }
        out
    }
}

/// Something the student hands in for a task.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum HandIn {
    /// A model trained in the lab (its file is embedded in the report).
    Model {
        #[serde(default)]
        constraints: ModelConstraints,
    },
    /// Metrics of the task's view, by name.
    Metrics { names: Vec<String> },
    /// A figure of the view, as a PNG (`latent-map`, `curves`, `reconstructions`, …).
    Figure { name: String },
    /// A written answer, between `min_words` and `max_words` words.
    Answer { min_words: usize, max_words: usize },
}

/// One task of an assignment.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub title: Bilingual,
    pub instructions: Bilingual,
    /// The task's share of the assignment's grade (the checks' points are part of it; the rest,
    /// for answers and figures, is graded by the teacher).
    pub points: f64,
    /// A link of the app (`#/train?kind=ae&latent=4&epochs=1`): the view and its settings.
    pub view: String,
    /// Link keys of `view` the student may not change.
    #[serde(default)]
    pub locked: Vec<String>,
    #[serde(default)]
    pub hand_in: Vec<HandIn>,
    #[serde(default)]
    pub checks: Vec<Check>,
}

impl Task {
    /// The model this task asks for, if it asks for one.
    pub fn model_constraints(&self) -> Option<&ModelConstraints> {
        self.hand_in.iter().find_map(|h| match h {
            HandIn::Model { constraints } => Some(constraints),
            _ => None,
        })
    }

    /// The word limits of the task's answer, if it asks for one.
    pub fn answer_limits(&self) -> Option<(usize, usize)> {
        self.hand_in.iter().find_map(|h| match h {
            HandIn::Answer {
                min_words,
                max_words,
            } => Some((*min_words, *max_words)),
            _ => None,
        })
    }

    /// The lab configuration of the task's training link (with the lab's defaults for the keys it
    /// leaves out), `None` for another view.
    pub fn train_config(&self) -> Option<crate::model::lab::LabConfig> {
        views::train_config(&self.view)
    }
}

/// A parsed, checked assignment.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub format: String,
    pub version: u64,
    /// Short, stable, for file names and the gradebook (`ae-sizes`).
    pub id: String,
    pub title: Bilingual,
    pub instructions: Bilingual,
    pub tasks: Vec<Task>,
}

/// Why an assignment or rubric file was refused; the text says what is wrong and where.
#[derive(Clone, Debug, PartialEq)]
pub enum AssignmentError {
    TooLarge {
        bytes: usize,
    },
    NotJson(String),
    WrongFormat {
        expected: &'static str,
        found: String,
    },
    NewerVersion(u64),
    /// `version` missing, not a whole number, or 0.
    BadVersion,
    MissingText {
        at: String,
        lang: &'static str,
    },
    NoTasks,
    BadView {
        at: String,
        view: String,
        why: views::ViewProblem,
    },
    LockedNotInView {
        at: String,
        key: String,
    },
    BadCheck {
        at: String,
        why: String,
    },
    NegativePoints {
        at: String,
        points: f64,
    },
    /// Any other field that does not read (a missing field, a wrong type, an unknown field).
    Invalid {
        at: String,
        why: String,
    },
    /// A rubric for another assignment, or naming a task the assignment does not have.
    RubricMismatch(String),
}

impl fmt::Display for AssignmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { bytes } => write!(
                f,
                "the file has {bytes} bytes; an assignment or rubric has at most {MAX_BYTES}"
            ),
            Self::NotJson(why) => write!(f, "the file is not JSON: {why}"),
            Self::WrongFormat { expected, found } => write!(
                f,
                "\"format\" is \"{found}\", not \"{expected}\": this is not a Latent Lab {} file",
                if *expected == RUBRIC_FORMAT {
                    "rubric"
                } else {
                    "assignment"
                }
            ),
            Self::NewerVersion(v) => write!(
                f,
                "made for a newer Latent Lab (version {v}); this one reads version {VERSION}"
            ),
            Self::BadVersion => write!(
                f,
                "\"version\" must be a whole number (this Latent Lab reads version {VERSION})"
            ),
            Self::MissingText { at, lang } => write!(
                f,
                "{at}: the text in \"{lang}\" is missing (every text is given in \"ro\" and \"en\")"
            ),
            Self::NoTasks => write!(f, "the assignment has no tasks"),
            Self::BadView { at, view, why } => write!(f, "{at}: view \"{view}\": {why}"),
            Self::LockedNotInView { at, key } => write!(
                f,
                "{at}: locked key \"{key}\" is not in the task's view link (a locked key needs the value it is locked to)"
            ),
            Self::BadCheck { at, why } => write!(f, "{at}: {why}"),
            Self::NegativePoints { at, points } => {
                write!(f, "{at}: \"points\" is negative ({points})")
            }
            Self::Invalid { at, why } => write!(f, "{at}: {why}"),
            Self::RubricMismatch(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for AssignmentError {}

/// Reads the JSON, refusing a file over [`MAX_BYTES`] before parsing, and checks its `format` and
/// `version`.
fn read_head(bytes: &[u8], format: &'static str) -> Result<Value, AssignmentError> {
    if bytes.len() > MAX_BYTES {
        return Err(AssignmentError::TooLarge { bytes: bytes.len() });
    }
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| AssignmentError::NotJson(e.to_string()))?;
    if !value.is_object() {
        return Err(AssignmentError::NotJson(
            "the file holds no JSON object".into(),
        ));
    }
    let found = value.get("format").and_then(Value::as_str).unwrap_or("");
    if found != format {
        return Err(AssignmentError::WrongFormat {
            expected: format,
            found: found.to_string(),
        });
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > VERSION => Err(AssignmentError::NewerVersion(v)),
        Some(v) if v >= 1 => Ok(value),
        _ => Err(AssignmentError::BadVersion),
    }
}

fn typed<T: DeserializeOwned>(value: &Value, at: &str) -> Result<T, AssignmentError> {
    serde_json::from_value(value.clone()).map_err(|e| AssignmentError::Invalid {
        at: at.to_string(),
        why: e.to_string(),
    })
}

fn check_text(text: &Bilingual, at: String) -> Result<(), AssignmentError> {
    match text.missing() {
        Some(lang) => Err(AssignmentError::MissingText { at, lang }),
        None => Ok(()),
    }
}

/// Where a check is: `task 2, check 'mse-below'` (its number when it has no id).
fn check_place(task_at: &str, j: usize, check: &Value) -> String {
    match check.get("id").and_then(Value::as_str) {
        Some(id) if !id.trim().is_empty() => format!("{task_at}, check '{id}'"),
        _ => format!("{task_at}, check {}", j + 1),
    }
}

/// Reads one check, with a specific message for an unknown op.
fn parse_check(value: &Value, at: &str) -> Result<Check, AssignmentError> {
    if let Some(op) = value.get("op").and_then(Value::as_str)
        && Op::from_symbol(op).is_none()
    {
        return Err(AssignmentError::BadCheck {
            at: at.to_string(),
            why: format!(
                "unknown op \"{op}\" (one of: {})",
                Op::ALL.map(Op::symbol).join(", ")
            ),
        });
    }
    let check: Check =
        serde_json::from_value(value.clone()).map_err(|e| AssignmentError::BadCheck {
            at: at.to_string(),
            why: e.to_string(),
        })?;
    check.validate().map_err(|why| match why {
        super::checks::CheckProblem::NegativePoints(points) => AssignmentError::NegativePoints {
            at: at.to_string(),
            points,
        },
        why => AssignmentError::BadCheck {
            at: at.to_string(),
            why: why.to_string(),
        },
    })?;
    Ok(check)
}

fn parse_task(i: usize, value: &Value) -> Result<Task, AssignmentError> {
    let at = format!("task {}", i + 1);
    if !value.is_object() {
        return Err(AssignmentError::Invalid {
            at,
            why: "a task is a JSON object".into(),
        });
    }
    // Checks and hand-ins first, one by one, so that an error names the one that is wrong.
    let mut checks = Vec::new();
    if let Some(list) = value.get("checks").and_then(Value::as_array) {
        for (j, c) in list.iter().enumerate() {
            checks.push(parse_check(c, &check_place(&at, j, c))?);
        }
    }
    if let Some(list) = value.get("hand_in").and_then(Value::as_array) {
        for (j, h) in list.iter().enumerate() {
            typed::<HandIn>(h, &format!("{at}, hand-in {}", j + 1))?;
        }
    }
    let task: Task = typed(value, &at)?;
    check_text(&task.title, format!("{at}, title"))?;
    check_text(&task.instructions, format!("{at}, instructions"))?;
    if !task.points.is_finite() {
        return Err(AssignmentError::Invalid {
            at,
            why: "\"points\" is not a finite number".into(),
        });
    }
    if task.points < 0.0 {
        return Err(AssignmentError::NegativePoints {
            at,
            points: task.points,
        });
    }
    let location = views::check_view(&task.view).map_err(|why| AssignmentError::BadView {
        at: at.clone(),
        view: task.view.clone(),
        why,
    })?;
    if let Some(key) = task.locked.iter().find(|k| location.get(k).is_none()) {
        return Err(AssignmentError::LockedNotInView {
            at,
            key: key.clone(),
        });
    }
    for (j, c) in task.checks.iter().enumerate() {
        if task.checks[..j].iter().any(|d| d.id == c.id) {
            return Err(AssignmentError::BadCheck {
                at: format!("{at}, check '{}'", c.id),
                why: "another check of this task has the same id".into(),
            });
        }
    }
    for h in &task.hand_in {
        if let HandIn::Answer {
            min_words,
            max_words,
        } = h
            && min_words > max_words
        {
            return Err(AssignmentError::Invalid {
                at,
                why: format!(
                    "the answer's \"min_words\" ({min_words}) exceeds \"max_words\" ({max_words})"
                ),
            });
        }
    }
    debug_assert_eq!(task.checks, checks);
    Ok(task)
}

impl Assignment {
    /// Reads and checks an assignment file.
    pub fn parse(bytes: &[u8]) -> Result<Assignment, AssignmentError> {
        let value = read_head(bytes, ASSIGNMENT_FORMAT)?;
        let object = value.as_object().expect("read_head checked");
        if let Some(key) = object.keys().find(|k| {
            !matches!(
                k.as_str(),
                "format" | "version" | "id" | "title" | "instructions" | "tasks"
            )
        }) {
            return Err(AssignmentError::Invalid {
                at: "the assignment".into(),
                why: format!("unknown field \"{key}\""),
            });
        }
        let id: String = typed(
            object.get("id").unwrap_or(&Value::Null),
            "the assignment's \"id\"",
        )?;
        if id.trim().is_empty() || id.chars().any(|c| c.is_whitespace() || c == '/') {
            return Err(AssignmentError::Invalid {
                at: "the assignment's \"id\"".into(),
                why: format!("\"{id}\" is not an id (a short name without spaces or slashes)"),
            });
        }
        for field in ["title", "instructions"] {
            let text: Bilingual = typed(
                object.get(field).unwrap_or(&Value::Null),
                &format!("the assignment's {field}"),
            )?;
            check_text(&text, format!("the assignment's {field}"))?;
        }
        let tasks = match object.get("tasks") {
            Some(Value::Array(tasks)) if !tasks.is_empty() => tasks,
            Some(Value::Array(_)) | None => return Err(AssignmentError::NoTasks),
            Some(_) => {
                return Err(AssignmentError::Invalid {
                    at: "the assignment's \"tasks\"".into(),
                    why: "\"tasks\" is a list of tasks".into(),
                });
            }
        };
        for (i, t) in tasks.iter().enumerate() {
            parse_task(i, t)?;
        }
        typed(&value, "the assignment")
    }

    /// SHA-256 (hex) of the assignment's canonical JSON: the same for any spacing or key order
    /// of the file, different for any change of content.
    pub fn hash(&self) -> String {
        sha256_hex(&canonical_json(self))
    }

    /// Task number `task`, counted from 1 as the files count them.
    pub fn task(&self, task: usize) -> Option<&Task> {
        task.checked_sub(1).and_then(|i| self.tasks.get(i))
    }

    /// The canonical JSON, pretty-printed (what a teacher's editor would save).
    pub fn to_pretty_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an assignment serialises")
    }
}

/// A hidden check of a rubric: a [`Check`] with the number of its task (from 1).
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct RubricCheck {
    pub task: usize,
    #[serde(flatten)]
    pub check: Check,
}

impl<'de> Deserialize<'de> for RubricCheck {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut value = Value::deserialize(d)?;
        let task = value
            .as_object_mut()
            .and_then(|o| o.remove("task"))
            .and_then(|t| t.as_u64())
            .filter(|&t| t >= 1)
            .ok_or_else(|| {
                D::Error::custom("a rubric check needs \"task\": its task's number, from 1")
            })?;
        let check = Check::deserialize(value).map_err(D::Error::custom)?;
        Ok(Self {
            task: task as usize,
            check,
        })
    }
}

/// The teacher's hidden checks for one assignment.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub format: String,
    pub version: u64,
    /// The assignment's id.
    pub assignment: String,
    /// The assignment's [`Assignment::hash`].
    pub assignment_hash: String,
    pub checks: Vec<RubricCheck>,
}

impl Rubric {
    /// Reads and checks a rubric file.
    pub fn parse(bytes: &[u8]) -> Result<Rubric, AssignmentError> {
        let value = read_head(bytes, RUBRIC_FORMAT)?;
        if let Some(list) = value.get("checks").and_then(Value::as_array) {
            for (j, c) in list.iter().enumerate() {
                let task_at = match c.get("task").and_then(Value::as_u64) {
                    Some(t) => format!("rubric, task {t}"),
                    None => "rubric".to_string(),
                };
                let at = check_place(&task_at, j, c);
                let mut check = c.clone();
                if let Some(o) = check.as_object_mut() {
                    o.remove("task");
                }
                parse_check(&check, &at)?;
            }
        }
        typed(&value, "the rubric")
    }

    /// Checks that this rubric belongs to `assignment` and names only its tasks.
    pub fn check_against(&self, assignment: &Assignment) -> Result<(), AssignmentError> {
        if self.assignment != assignment.id || self.assignment_hash != assignment.hash() {
            return Err(AssignmentError::RubricMismatch(format!(
                "the rubric is for assignment '{}' ({}), not for '{}' ({})",
                self.assignment,
                short(&self.assignment_hash),
                assignment.id,
                short(&assignment.hash())
            )));
        }
        if let Some(c) = self
            .checks
            .iter()
            .find(|c| assignment.task(c.task).is_none())
        {
            return Err(AssignmentError::RubricMismatch(format!(
                "rubric check '{}' names task {}, but the assignment has {} tasks",
                c.check.id,
                c.task,
                assignment.tasks.len()
            )));
        }
        Ok(())
    }

    /// A rubric for `assignment` with `checks` (hidden, whatever they said).
    pub fn new(assignment: &Assignment, checks: Vec<RubricCheck>) -> Rubric {
        Rubric {
            format: RUBRIC_FORMAT.into(),
            version: VERSION,
            assignment: assignment.id.clone(),
            assignment_hash: assignment.hash(),
            checks: checks
                .into_iter()
                .map(|mut c| {
                    c.check.visibility = Visibility::Hidden;
                    c
                })
                .collect(),
        }
    }

    /// The hidden checks of task `task` (from 1).
    pub fn checks_of(&self, task: usize) -> impl Iterator<Item = &Check> {
        self.checks
            .iter()
            .filter(move |c| c.task == task)
            .map(|c| &c.check)
    }
}

/// The first 12 hex digits of a hash, for messages. A hash read from a file may be any text: the
/// cut is at a character boundary, never inside one.
pub fn short(hash: &str) -> &str {
    let end = hash.char_indices().nth(12).map_or(hash.len(), |(i, _)| i);
    &hash[..end]
}
