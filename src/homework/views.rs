//! The app's views a task may send a student to, with the link keys each view reads (the table of
//! the README's "Link format"), and the lab configuration a training link describes.

use std::fmt;

use crate::link::train::{
    BATCH, EPOCHS, LATENT, LEARNING_RATE, SEED, Weights, read_activation, read_count, read_hidden,
    read_kind, read_weight, real,
};
use crate::link::value::whole;
use crate::link::{Issue, Location};
use crate::model::lab::LabConfig;
use crate::slug::Slug;

/// Test digits of the bundled split (the range of a digit index `d`).
const TEST_DIGITS: usize = 2000;

/// How a link value is read.
#[derive(Clone, Copy, Debug)]
enum Value {
    /// Anything (packed drawings, masks, points, interpolation ends).
    Text,
    Real(f64, f64),
    Whole(u64, u64),
    Choice(&'static [&'static str]),
    Digit,
    /// One of the training lab's settings, read by `link::train`.
    Train,
}

/// `(route, [(key, how it is read)])`; `lang` is accepted by every view.
const VIEWS: &[(&str, &[(&str, Value)])] = &[
    ("draw", &[("d", Value::Digit)]),
    (
        "noise",
        &[
            ("d", Value::Digit),
            ("sigma", Value::Real(0.0, 1.0)),
            ("sp", Value::Real(0.0, 0.5)),
            ("mask", Value::Text),
            ("seed", Value::Whole(0, u32::MAX as u64)),
            ("batch", Value::Whole(0, u32::MAX as u64)),
        ],
    ),
    (
        "latent",
        &[
            ("dim", Value::Choice(&["2", "16"])),
            ("d", Value::Digit),
            ("grid", Value::Whole(2, 20)),
            ("pa", Value::Text),
            ("pv", Value::Text),
            ("a", Value::Text),
            ("b", Value::Text),
            ("t", Value::Real(0.0, 1.0)),
            ("n", Value::Whole(2, 16)),
            ("gs", Value::Whole(0, 999_999_999)),
            ("es", Value::Whole(0, 999_999_999)),
            ("attr", Value::Text),
            ("alpha", Value::Real(-3.0, 3.0)),
        ],
    ),
    (
        "train",
        &[
            ("kind", Value::Train),
            ("beta", Value::Train),
            ("sigma", Value::Train),
            ("lambda", Value::Train),
            ("rho", Value::Train),
            ("hidden", Value::Train),
            ("latent", Value::Train),
            ("act", Value::Train),
            ("lr", Value::Train),
            ("batch", Value::Train),
            ("epochs", Value::Train),
            ("seed", Value::Train),
            ("engine", Value::Choice(&["auto", "webgpu", "cpu"])),
        ],
    ),
    ("apps/retrieval", &[("d", Value::Digit)]),
    ("apps/colour", &[("d", Value::Digit)]),
    (
        "apps/clustering",
        &[
            ("k", Value::Whole(2, 20)),
            ("seed", Value::Whole(0, 999_999)),
        ],
    ),
    (
        "apps/anomaly",
        &[
            ("model", Value::Choice(&["ae", "vae"])),
            ("q", Value::Real(0.5, 1.0)),
        ],
    ),
    ("apps/pca", &[]),
    ("apps/reduce", &[]),
];

/// The routes a task's `view` may name.
pub fn routes() -> impl Iterator<Item = &'static str> {
    VIEWS.iter().map(|(route, _)| *route)
}

/// The keys a view's link reads (besides `lang`), if `route` is a view.
pub fn keys(route: &str) -> Option<Vec<&'static str>> {
    VIEWS
        .iter()
        .find(|(r, _)| *r == route)
        .map(|(_, keys)| keys.iter().map(|(k, _)| *k).collect())
}

fn read_train_value(key: &str, text: &str) -> Result<Option<Issue>, Issue> {
    use crate::link::train::weight_key;
    if let Some(p) = Weights::ALL.into_iter().find(|&p| weight_key(p) == key) {
        return read_weight(p, text).map(|(_, i)| i);
    }
    match key {
        "kind" => read_kind(text).map(|(_, i)| i),
        "hidden" => read_hidden(text).map(|(_, i)| i),
        "latent" => read_count(text, LATENT).map(|(_, i)| i),
        "act" => read_activation(text).map(|(_, i)| i),
        "lr" => real(text, LEARNING_RATE).map(|(_, i)| i),
        "batch" => read_count(text, BATCH).map(|(_, i)| i),
        "epochs" => read_count(text, EPOCHS).map(|(_, i)| i),
        "seed" => whole(text, SEED).map(|(_, i)| i),
        _ => Err(Issue::Unknown),
    }
}

fn read_value(how: Value, key: &str, text: &str) -> Result<Option<Issue>, Issue> {
    match how {
        Value::Text => Ok(None),
        Value::Real(lo, hi) => real(text, lo..=hi).map(|(_, i)| i),
        Value::Whole(lo, hi) => whole(text, lo..=hi).map(|(_, i)| i),
        Value::Choice(choices) => choices
            .contains(&text)
            .then_some(None)
            .ok_or(Issue::Malformed),
        Value::Digit => crate::link::digit::DigitRef::read(text, TEST_DIGITS).map(|(_, i)| i),
        Value::Train => read_train_value(key, text),
    }
}

/// Why a task's `view` is refused (a detail for the teacher who wrote the assignment file).
#[derive(Clone, Debug, PartialEq)]
pub enum ViewProblem {
    NotALink(String),
    UnknownView(String),
    RepeatedKey(String),
    BadLanguage(String),
    UnknownKey {
        route: String,
        key: String,
    },
    OutOfLimits {
        key: String,
        text: String,
        to: String,
    },
    Unreadable {
        key: String,
        text: String,
    },
}

impl fmt::Display for ViewProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotALink(view) => write!(
                f,
                "a view is a link of the app starting with \"#/\" (like \"#/train?kind=ae\"), not \"{view}\""
            ),
            Self::UnknownView(route) => write!(
                f,
                "\"{route}\" is not a view of the app (one of: {})",
                routes().collect::<Vec<_>>().join(", ")
            ),
            Self::RepeatedKey(key) => write!(f, "key \"{key}\" appears twice"),
            Self::BadLanguage(text) => {
                write!(f, "\"lang={text}\": the language is \"ro\" or \"en\"")
            }
            Self::UnknownKey { route, key } => write!(
                f,
                "the {route} view has no key \"{key}\" (its keys: {})",
                keys(route).unwrap_or_default().join(", ")
            ),
            Self::OutOfLimits { key, text, to } => write!(
                f,
                "\"{key}={text}\" is outside the key's limits (the app would use {to})"
            ),
            Self::Unreadable { key, text } => write!(f, "\"{key}={text}\" cannot be read"),
        }
    }
}

impl std::error::Error for ViewProblem {}

/// Checks a task's `view`: a known view, every key one it reads, every value within its limits
/// (a value the app would clamp is refused here: an assignment says exactly what it means).
/// Returns the parsed link.
pub fn check_view(view: &str) -> Result<Location, ViewProblem> {
    if !view.starts_with("#/") {
        return Err(ViewProblem::NotALink(view.to_string()));
    }
    let location = Location::parse(view);
    let Some((_, keys)) = VIEWS.iter().find(|(r, _)| *r == location.route) else {
        return Err(ViewProblem::UnknownView(location.route.clone()));
    };
    for (i, (key, text)) in location.query.iter().enumerate() {
        if location.query[..i].iter().any(|(k, _)| k == key) {
            return Err(ViewProblem::RepeatedKey(key.clone()));
        }
        if key == "lang" {
            if crate::i18n::Lang::from_tag(text).is_none() {
                return Err(ViewProblem::BadLanguage(text.clone()));
            }
            continue;
        }
        let Some(&(_, how)) = keys.iter().find(|(k, _)| k == key) else {
            return Err(ViewProblem::UnknownKey {
                route: location.route.clone(),
                key: key.clone(),
            });
        };
        match read_value(how, key, text) {
            Ok(None) => {}
            Ok(Some(Issue::Clamped(to))) => {
                return Err(ViewProblem::OutOfLimits {
                    key: key.clone(),
                    text: text.clone(),
                    to,
                });
            }
            Ok(Some(_)) | Err(_) => {
                return Err(ViewProblem::Unreadable {
                    key: key.clone(),
                    text: text.clone(),
                });
            }
        }
    }
    Ok(location)
}

/// The lab configuration of a training link: the lab's defaults with the link's settings (in the
/// app a missing key keeps the student's saved setting instead, so an assignment names every
/// setting that matters). `None` for another view or a link that does not read.
pub fn train_config(view: &str) -> Option<LabConfig> {
    let location = check_view(view).ok()?;
    if location.route != "train" {
        return None;
    }
    let defaults = LabConfig::default();
    let mut weights = Weights::defaults();
    for p in Weights::ALL {
        if let Some(text) = location.get(crate::link::train::weight_key(p)) {
            weights.set(p, read_weight(p, text).ok()?.0);
        }
    }
    let kind = match location.get("kind") {
        Some(text) => read_kind(text).ok()?.0,
        None => defaults.kind.clone(),
    };
    let kind = weights.with_kind(&defaults.kind).apply(&kind);
    let count = |key: &str, range, default: usize| -> Option<usize> {
        match location.get(key) {
            Some(text) => read_count(text, range).ok().map(|(v, _)| v),
            None => Some(default),
        }
    };
    Some(LabConfig {
        kind,
        hidden: match location.get("hidden") {
            Some(text) => read_hidden(text).ok()?.0,
            None => defaults.hidden,
        },
        latent: count("latent", LATENT, defaults.latent)?,
        activation: match location.get("act") {
            Some(text) => read_activation(text).ok()?.0,
            None => defaults.activation,
        },
        learning_rate: match location.get("lr") {
            Some(text) => real(text, LEARNING_RATE).ok()?.0,
            None => defaults.learning_rate,
        },
        batch_size: count("batch", BATCH, defaults.batch_size)?,
        epochs: count("epochs", EPOCHS, defaults.epochs)?,
        seed: match location.get("seed") {
            Some(text) => whole(text, SEED).ok()?.0,
            None => defaults.seed,
        },
    })
}

/// The text a training link would hold for `key` of `config` (to compare a locked key with the
/// configuration a student trained), `None` for a key that is not a training setting.
pub fn train_value(config: &LabConfig, key: &str) -> Option<String> {
    use crate::link::train::{weight_key, write_hidden, write_real, write_weight};
    if let Some(p) = Weights::ALL.into_iter().find(|&p| weight_key(p) == key) {
        return Some(match config.kind.param(p) {
            Some(v) => write_weight(p, v),
            None => String::new(),
        });
    }
    Some(match key {
        "kind" => config.kind.slug().to_string(),
        "hidden" => write_hidden(&config.hidden),
        "latent" => config.latent.to_string(),
        "act" => config.activation.slug().to_string(),
        "lr" => write_real(config.learning_rate),
        "batch" => config.batch_size.to_string(),
        "epochs" => config.epochs.to_string(),
        "seed" => config.seed.to_string(),
        _ => return None,
    })
}

/// The locked keys of a training task whose value in `config` differs from the task's link:
/// `(key, the link's value, the configuration's value)`.
pub fn locked_differences(
    view: &str,
    locked: &[String],
    config: &LabConfig,
) -> Vec<(String, String, String)> {
    let location = Location::parse(view);
    if location.route != "train" {
        return Vec::new();
    }
    let Some(wanted) = train_config(view) else {
        return Vec::new();
    };
    locked
        .iter()
        .filter_map(|key| {
            let (want, got) = (train_value(&wanted, key)?, train_value(config, key)?);
            (want != got).then(|| (key.clone(), want, got))
        })
        .collect()
}
