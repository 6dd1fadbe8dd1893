//! What can go wrong in the engine (downloading, building and running the models, waiting for
//! what comes after start-up), as one typed error. Each variant keeps the technical detail, in
//! the same words as before; views put it into a Fluent sentence (`why`) or a [`super::Problem`].

use std::fmt;

use crate::app::web::fetch::FetchError;
use crate::i18n::Arg;

#[derive(Clone, Debug, PartialEq)]
pub enum EngineError {
    /// A file could not be downloaded.
    Fetch(FetchError),
    /// A downloaded file is not what it should be (a manifest, weights, the digits).
    BadFile(String),
    /// A model that arrives after start-up is asked for before it has arrived.
    NotDownloaded(&'static str),
    /// Running a model, or reading its result back from the engine, failed.
    Compute(String),
    /// The app was closed while work waited for a download.
    Closed,
    /// Work stopped waiting for what it needed.
    StoppedWaiting(&'static str),
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Fetch(e) => e.fmt(f),
            Self::BadFile(why) | Self::Compute(why) => f.write_str(why),
            Self::NotDownloaded(name) => write!(f, "the {name} model has not been downloaded yet"),
            Self::Closed => f.write_str("the app was closed"),
            Self::StoppedWaiting(what) => write!(f, "stopped waiting for {what}"),
        }
    }
}

impl std::error::Error for EngineError {}

impl From<FetchError> for EngineError {
    fn from(e: FetchError) -> Self {
        Self::Fetch(e)
    }
}

/// The detail of an engine error, for a sentence's `why`.
impl From<EngineError> for Arg {
    fn from(e: EngineError) -> Self {
        Arg::Str(e.to_string())
    }
}

impl From<&EngineError> for Arg {
    fn from(e: &EngineError) -> Self {
        Arg::Str(e.to_string())
    }
}
