//! Fetching the app's own files (data and models) with clear errors.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The bytes at `url`, or a message saying what went wrong.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("cannot download {url}: {}", js_message(&e)))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: not an HTTP response"))?;
    if !response.ok() {
        return Err(format!(
            "cannot download {url}: HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| js_message(&e))?)
        .await
        .map_err(|e| format!("download of {url} broke off: {}", js_message(&e)))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The text at `url`.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    String::from_utf8(fetch_bytes(url).await?).map_err(|_| format!("{url} is not UTF-8 text"))
}

/// A readable message from a JavaScript error value.
pub fn js_message(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}
