//! Files the student saves and opens: downloads through a temporary object URL, and reading a
//! picked file's bytes (after checking its size, so a huge file is refused at once instead of
//! freezing the page while it is read).

use wasm_bindgen::JsCast;

use super::fetch::js_message;
use crate::i18n::{Text, num};

/// The largest file the app opens (a model file is 1–2 MB, an assignment a few kB).
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
// The largest model the lab lets a student build (4 bytes a parameter, plus its history) can be
// imported again.
const _: () = assert!(crate::model::lab::MAX_PARAMETERS as usize * 4 + 1_000_000 < MAX_FILE_BYTES);

/// Why the browser refused to offer a download: its own message.
#[derive(Clone, Debug, PartialEq)]
pub struct DownloadError(pub String);

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The browser's message, for a sentence's `why`.
impl From<DownloadError> for crate::i18n::Arg {
    fn from(e: DownloadError) -> Self {
        Self::Str(e.0)
    }
}

fn refused(e: wasm_bindgen::JsValue) -> DownloadError {
    DownloadError(js_message(&e))
}

/// Offers `bytes` as a download named `name`.
pub fn download(bytes: &[u8], name: &str) -> Result<(), DownloadError> {
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let a: web_sys::HtmlAnchorElement = leptos::prelude::document()
        .create_element("a")
        .map_err(refused)?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Megabytes, as the messages write them.
fn megabytes(bytes: f64) -> crate::i18n::Arg {
    num(bytes / (1024.0 * 1024.0), 1)
}

/// Refuses a file over `limit` bytes, from its size alone (nothing is read).
fn check_size(file: &web_sys::File, limit: usize) -> Result<(), Text> {
    if file.size() > limit as f64 {
        return Err(Text::new("file-too-large")
            .with("file", file.name())
            .with("size", megabytes(file.size()))
            .with("limit", megabytes(limit as f64)));
    }
    Ok(())
}

/// The bytes of a file the student picked, if it is at most `limit` bytes; the error is a
/// sentence for the UI.
pub async fn read_file(file: web_sys::File, limit: usize) -> Result<Vec<u8>, Text> {
    check_size(&file, limit)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| Text::new("file-read-failed").with("why", js_message(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
