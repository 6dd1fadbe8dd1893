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

/// The bytes at `url`, calling `progress` with the fraction received so far (from the
/// `Content-Length` header; never 1 before the end) as the body streams in. The body's reader is
/// reached through `js_sys::Reflect` because the web-sys `ReadableStream` bindings are not
/// enabled (enabling a feature rebuilds Burn and wgpu).
pub async fn fetch_bytes_progress(url: &str, progress: impl Fn(f32)) -> Result<Vec<u8>, String> {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::JsValue;
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
    let total = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|&t| t > 0.0);
    let broke = |e: JsValue| format!("download of {url} broke off: {}", js_message(&e));
    let body = Reflect::get(&response, &JsValue::from_str("body")).map_err(broke)?;
    if body.is_null() || body.is_undefined() {
        return Err(format!("{url}: the response has no body"));
    }
    let get_reader: Function = Reflect::get(&body, &JsValue::from_str("getReader"))
        .map_err(broke)?
        .dyn_into()
        .map_err(|_| format!("{url}: the body cannot be read"))?;
    let reader = get_reader.call0(&body).map_err(broke)?;
    let read: Function = Reflect::get(&reader, &JsValue::from_str("read"))
        .map_err(broke)?
        .dyn_into()
        .map_err(|_| format!("{url}: the body cannot be read"))?;
    let mut bytes = Vec::new();
    loop {
        let promise: js_sys::Promise = read
            .call0(&reader)
            .map_err(broke)?
            .dyn_into()
            .map_err(broke)?;
        let chunk = JsFuture::from(promise).await.map_err(broke)?;
        if Reflect::get(&chunk, &JsValue::from_str("done"))
            .map_err(broke)?
            .is_truthy()
        {
            break;
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(broke)?
            .dyn_into()
            .map_err(broke)?;
        bytes.extend(value.to_vec());
        if let Some(total) = total {
            // A compressed body's length is smaller than what arrives: stay under 100 %.
            progress((bytes.len() as f64 / total).min(0.99) as f32);
        }
    }
    Ok(bytes)
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
