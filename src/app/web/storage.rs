//! What survives a reload: small settings in localStorage, and the trained model in IndexedDB
//! (whose callbacks are turned into futures through JavaScript promises).

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

use super::fetch::js_message;

/// Every localStorage key the app writes, in one place (a new version of a value gets a new key).
pub mod keys {
    /// The drawing on the pad.
    pub const SKETCH: &str = "latent-lab.sketch.v1";
    /// The training lab's configuration.
    pub const TRAIN_CONFIG: &str = "latent-lab.train-config.v1";
    /// Whether the lab model stands in for the shipped AE or VAE.
    pub const USE_TRAINED: &str = "latent-lab.use-trained.v1";
    /// The language the student chose with the switch.
    pub const LANG: &str = "latent-lab.lang.v1";
    /// The student's name and number for homework reports.
    pub const STUDENT: &str = "latent-lab.student.v1";
}

/// A setting saved under `key`, if present and readable (anything else reads as absent).
pub fn load_setting<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let json = web_sys::window()?
        .local_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()?;
    serde_json::from_str(&json).ok()
}

/// Saves a setting; storage may be full or disabled (private mode), and then it lives until reload.
pub fn save_setting<T: serde::Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(json)) = (
        web_sys::window().and_then(|w| w.local_storage().ok().flatten()),
        serde_json::to_string(value),
    ) {
        let _ = storage.set_item(key, &json);
    }
}

const DB: &str = "latent-lab";
const STORE: &str = "models";
const KEY: &str = "trained";

/// Resolves with a request's result, or rejects with its error.
async fn request(req: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |ev: web_sys::Event| {
            let target: IdbRequest = ev.target().unwrap().unchecked_into();
            let _ = resolve.call1(
                &JsValue::NULL,
                &target.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err = Closure::once_into_js(move |ev: web_sys::Event| {
            let target: IdbRequest = ev.target().unwrap().unchecked_into();
            let why = target
                .error()
                .ok()
                .flatten()
                .map(|e| e.message())
                .unwrap_or_else(|| "unknown error".into());
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| js_message(&e))
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("this browser offers no IndexedDB storage")?;
    let open = factory.open_with_u32(DB, 1).map_err(|e| js_message(&e))?;
    let upgrade = Closure::once_into_js(move |ev: web_sys::Event| {
        let req: IdbRequest = ev.target().unwrap().unchecked_into();
        if let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            let _ = db.create_object_store(STORE);
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(request(&open).await?.unchecked_into())
}

/// Saves the exported model file.
pub async fn save_trained(bytes: &[u8]) -> Result<(), String> {
    save_bytes(KEY, bytes).await
}

/// The saved model file, if any.
pub async fn load_trained() -> Result<Option<Vec<u8>>, String> {
    load_bytes(KEY).await
}

/// Saves `bytes` under `key` in the app's IndexedDB store (the lab model, homework work).
pub async fn save_bytes(key: &str, bytes: &[u8]) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(|e| js_message(&e))?;
    let store = tx.object_store(STORE).map_err(|e| js_message(&e))?;
    let req = store
        .put_with_key(&Uint8Array::from(bytes), &JsValue::from_str(key))
        .map_err(|e| js_message(&e))?;
    request(&req).await.map(|_| ())
}

/// The bytes saved under `key`, if any.
pub async fn load_bytes(key: &str) -> Result<Option<Vec<u8>>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(|e| js_message(&e))?;
    let store = tx.object_store(STORE).map_err(|e| js_message(&e))?;
    let req = store
        .get(&JsValue::from_str(key))
        .map_err(|e| js_message(&e))?;
    let value = request(&req).await?;
    Ok(value.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec))
}
