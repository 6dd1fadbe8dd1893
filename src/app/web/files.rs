//! Files the student saves and opens: downloads through a temporary object URL, and reading a
//! picked file's bytes.

use wasm_bindgen::JsCast;

use super::fetch::js_message;

/// Offers `bytes` as a download named `name`.
pub fn download(bytes: &[u8], name: &str) -> Result<(), String> {
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options)
        .map_err(|e| js_message(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
    let a: web_sys::HtmlAnchorElement = leptos::prelude::document()
        .create_element("a")
        .map_err(|e| js_message(&e))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The bytes of a file the student picked.
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| js_message(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
