//! A check: one metric compared with a threshold, worth some points. Public checks are in the
//! assignment (the student sees them pass or fail while working); hidden ones in the teacher's
//! rubric.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::{Arg, Decimals, Lang, Text, tk};

/// A threshold as the teacher wrote it (0.05, 1e-9 written out): up to 12 decimals.
fn threshold(v: f64) -> Arg {
    Arg::Num(v, Decimals::UpTo(12))
}

/// A measured value: up to 6 decimals.
fn measured(v: f64) -> Arg {
    Arg::Num(v, Decimals::UpTo(6))
}

/// How a metric is compared with the check's value.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
    /// `value ≤ metric ≤ max`.
    #[serde(rename = "between")]
    Between,
}

impl Op {
    pub const ALL: [Op; 5] = [Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::Between];

    pub fn symbol(self) -> &'static str {
        match self {
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Between => "between",
        }
    }

    pub fn from_symbol(s: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|op| op.symbol() == s)
    }
}

/// Whether the student sees a check.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    #[default]
    Public,
    Hidden,
}

impl Visibility {
    /// The name Gradescope's `results.json` uses.
    pub fn gradescope(self) -> &'static str {
        match self {
            Visibility::Public => "visible",
            Visibility::Hidden => "hidden",
        }
    }
}

/// One check of an assignment's task or of a rubric.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Unique within its task: names the check in messages and in the gradebook.
    pub id: String,
    /// The metric compared (see `docs/assignments.md` for the names).
    pub metric: String,
    pub op: Op,
    /// The threshold (the lower bound for `between`).
    pub value: f64,
    /// The upper bound of `between`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    pub points: f64,
    #[serde(default)]
    pub visibility: Visibility,
}

/// What is wrong with a check's definition.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckProblem {
    EmptyId,
    EmptyMetric,
    NotFinite(&'static str),
    NegativePoints(f64),
    BetweenWithoutMax,
    MaxWithoutBetween,
    BoundsReversed { value: f64, max: f64 },
}

impl fmt::Display for CheckProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyId => write!(f, "the check has no \"id\""),
            Self::EmptyMetric => write!(f, "the check names no \"metric\""),
            Self::NotFinite(field) => write!(f, "\"{field}\" is not a finite number"),
            Self::NegativePoints(p) => write!(f, "\"points\" is negative ({p})"),
            Self::BetweenWithoutMax => write!(
                f,
                "\"op\": \"between\" needs \"max\", the upper bound (\"value\" is the lower one)"
            ),
            Self::MaxWithoutBetween => {
                write!(f, "\"max\" is only for \"op\": \"between\"")
            }
            Self::BoundsReversed { value, max } => write!(
                f,
                "\"between\" needs \"value\" ≤ \"max\", but {value} > {max}"
            ),
        }
    }
}

impl Check {
    /// Checks the definition (the op itself was checked when it was read).
    pub fn validate(&self) -> Result<(), CheckProblem> {
        if self.id.trim().is_empty() {
            return Err(CheckProblem::EmptyId);
        }
        if self.metric.trim().is_empty() {
            return Err(CheckProblem::EmptyMetric);
        }
        if !self.value.is_finite() {
            return Err(CheckProblem::NotFinite("value"));
        }
        if !self.points.is_finite() {
            return Err(CheckProblem::NotFinite("points"));
        }
        if self.points < 0.0 {
            return Err(CheckProblem::NegativePoints(self.points));
        }
        match (self.op, self.max) {
            (Op::Between, None) => Err(CheckProblem::BetweenWithoutMax),
            (Op::Between, Some(max)) if !max.is_finite() => Err(CheckProblem::NotFinite("max")),
            (Op::Between, Some(max)) if self.value > max => Err(CheckProblem::BoundsReversed {
                value: self.value,
                max,
            }),
            (Op::Between, Some(_)) => Ok(()),
            (_, Some(_)) => Err(CheckProblem::MaxWithoutBetween),
            (_, None) => Ok(()),
        }
    }

    /// The condition, numbers written the reader's way: `test_mse < 0.05`,
    /// `0.8 <= retrieval_precision_ae <= 1`.
    pub fn condition(&self) -> Text {
        match (self.op, self.max) {
            (Op::Between, Some(max)) => Text::new("check-condition-between")
                .with("low", threshold(self.value))
                .with("metric", self.metric.clone())
                .with("high", threshold(max)),
            _ => Text::new("check-condition")
                .with("metric", self.metric.clone())
                .with("op", self.op.symbol())
                .with("value", threshold(self.value)),
        }
    }
}

/// A check's sentence. Made as a [`Text`], so that each reader sees it in their language; kept in
/// a report's record as its English words (the record is one file for every language, and
/// Gradescope's `output` reads them), and read back from a record as those words. Two messages are
/// equal when their English words are, as the record's hash sees them.
#[derive(Clone, Debug)]
pub struct CheckMessage(Text);

impl CheckMessage {
    pub fn new(text: Text) -> Self {
        Self(text)
    }

    /// The sentence, to translate when shown.
    pub fn text(&self) -> &Text {
        &self.0
    }

    /// The sentence in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.0.in_lang(lang)
    }
}

impl PartialEq for CheckMessage {
    fn eq(&self, other: &Self) -> bool {
        self.in_lang(Lang::En) == other.in_lang(Lang::En)
    }
}

impl Serialize for CheckMessage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.in_lang(Lang::En))
    }
}

impl<'de> Deserialize<'de> for CheckMessage {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let words = String::deserialize(d)?;
        Ok(Self(Text::new("check-recorded").with("words", words)))
    }
}

/// The outcome of one check.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct CheckResult {
    pub id: String,
    pub passed: bool,
    /// The metric's value, if there was one.
    pub value: Option<f64>,
    pub points_awarded: f64,
    pub max_points: f64,
    /// What was compared, or which metric is missing.
    pub message: CheckMessage,
    #[serde(default)]
    pub visibility: Visibility,
}

/// Evaluates `check` on `metrics` (all or nothing: the check's points or 0). A missing or
/// non-finite metric fails the check with a message that names it.
pub fn evaluate(check: &Check, metrics: &BTreeMap<String, f64>) -> CheckResult {
    let value = metrics.get(&check.metric).copied();
    let (passed, message) = match value {
        None => (
            false,
            Text::new("check-missing").with("metric", check.metric.clone()),
        ),
        Some(v) if !v.is_finite() => (
            false,
            Text::new("check-not-finite")
                .with("metric", check.metric.clone())
                .with("value", measured(v)),
        ),
        Some(v) => {
            let passed = match check.op {
                Op::Lt => v < check.value,
                Op::Le => v <= check.value,
                Op::Gt => v > check.value,
                Op::Ge => v >= check.value,
                Op::Between => check.max.is_some_and(|max| check.value <= v && v <= max),
            };
            let key = if passed {
                tk("check-passed")
            } else {
                tk("check-failed")
            };
            (
                passed,
                Text::new(key)
                    .with("metric", check.metric.clone())
                    .with("value", measured(v))
                    .with("condition", check.condition()),
            )
        }
    };
    CheckResult {
        id: check.id.clone(),
        passed,
        value,
        points_awarded: if passed { check.points } else { 0.0 },
        max_points: check.points,
        message: CheckMessage::new(message),
        visibility: check.visibility,
    }
}

/// The share of `text` that counts as words (for `answer_words`): runs of characters separated by
/// whitespace that hold at least one letter or digit.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
