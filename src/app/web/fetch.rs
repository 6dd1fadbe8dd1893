//! Fetching the app's own files (data and models) with clear errors.

use std::fmt;

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Why a file could not be fetched, in technical words (with the address).
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// Not running in a browser window.
    NoWindow,
    /// The request failed (offline, blocked).
    Unreachable { url: String, why: String },
    /// The answer was not an HTTP response.
    NotHttp { url: String },
    /// The server answered with an error status.
    Status {
        url: String,
        status: u16,
        text: String,
    },
    /// The body could not be read at all.
    NoBody(String),
    /// The body stopped before its end.
    BrokeOff { url: String, why: String },
    /// Text was asked for and the file is not UTF-8.
    NotText { url: String },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoWindow => f.write_str("no window"),
            Self::Unreachable { url, why } => write!(f, "cannot download {url}: {why}"),
            Self::NotHttp { url } => write!(f, "{url}: not an HTTP response"),
            Self::Status { url, status, text } => {
                write!(f, "cannot download {url}: HTTP {status} {text}")
            }
            Self::NoBody(why) => f.write_str(why),
            Self::BrokeOff { url, why } => write!(f, "download of {url} broke off: {why}"),
            Self::NotText { url } => write!(f, "{url} is not UTF-8 text"),
        }
    }
}

impl std::error::Error for FetchError {}

/// The detail of a failed download, for a sentence's `why`.
impl From<FetchError> for crate::i18n::Arg {
    fn from(e: FetchError) -> Self {
        Self::Str(e.to_string())
    }
}

/// Callers that still report failures as technical text keep using `?`.
impl From<FetchError> for String {
    fn from(e: FetchError) -> Self {
        e.to_string()
    }
}

/// The bytes at `url`, or what went wrong.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoWindow)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| FetchError::Unreachable {
            url: url.into(),
            why: js_message(&e),
        })?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| FetchError::NotHttp { url: url.into() })?;
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.into(),
            status: response.status(),
            text: response.status_text(),
        });
    }
    let body = response
        .array_buffer()
        .map_err(|e| FetchError::NoBody(js_message(&e)))?;
    let buffer = JsFuture::from(body)
        .await
        .map_err(|e| FetchError::BrokeOff {
            url: url.into(),
            why: js_message(&e),
        })?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The text at `url` (UTF-8).
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    String::from_utf8(fetch_bytes(url).await?).map_err(|_| FetchError::NotText { url: url.into() })
}

/// A readable message from a JavaScript error value.
pub fn js_message(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}
