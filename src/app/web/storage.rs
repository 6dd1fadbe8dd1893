//! What survives a reload: small settings in localStorage, and the trained model in IndexedDB
//! (whose callbacks are turned into futures through JavaScript promises).

use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::fetch::js_message;
use crate::i18n::{Arg, Text};

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
    /// Written after each save of the lab model (step, time, tab): other tabs hear of it.
    pub const TRAINED_SAVED: &str = "latent-lab.trained-saved.v1";
    /// The GAN view's settings, one per mode.
    pub const GAN_TOY: &str = "latent-lab.gan-toy.v1";
    pub const GAN_DIGITS: &str = "latent-lab.gan-digits.v1";
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
/// Where a stored model that cannot be read is set aside (the next start is clean, and the bytes
/// are still there for someone who wants to look at them).
const DAMAGED_KEY: &str = "trained:damaged";

/// Why IndexedDB did not do what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// No IndexedDB here, or it refuses to open (a private window, storage switched off).
    Unavailable(String),
    /// The browser's storage quota for the app is used up.
    Full,
    /// Anything else, in the browser's words.
    Failed(String),
}

impl StoreError {
    /// Classifies a JavaScript error (a `DOMException` named `QuotaExceededError` is a full store).
    fn of(error: &JsValue) -> Self {
        let name = Reflect::get(error, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        if name.as_deref() == Some("QuotaExceededError") {
            StoreError::Full
        } else {
            StoreError::Failed(js_message(error))
        }
    }
}

/// The reason as words for a message's `why`.
impl From<StoreError> for Arg {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unavailable(why) => {
                Text::new("storage-unavailable").with("why", why).into()
            }
            StoreError::Full => Text::new("storage-full").into(),
            StoreError::Failed(why) => Arg::Str(why),
        }
    }
}

/// Resolves with a request's result, or rejects with its error.
async fn request(req: &IdbRequest) -> Result<JsValue, StoreError> {
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
            let why: JsValue = match target.error().ok().flatten() {
                Some(e) => e.into(),
                None => JsValue::from_str("unknown error"),
            };
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map_err(|e| StoreError::of(&e))
}

async fn open() -> Result<IdbDatabase, StoreError> {
    let unavailable = |e: &JsValue| StoreError::Unavailable(js_message(e));
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| {
            StoreError::Unavailable("this browser offers no IndexedDB storage".into())
        })?;
    let open = factory.open_with_u32(DB, 1).map_err(|e| unavailable(&e))?;
    let upgrade = Closure::once_into_js(move |ev: web_sys::Event| {
        let req: IdbRequest = ev.target().unwrap().unchecked_into();
        if let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            let _ = db.create_object_store(STORE);
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    match request(&open).await {
        Ok(db) => Ok(db.unchecked_into()),
        Err(StoreError::Failed(why)) => Err(StoreError::Unavailable(why)),
        Err(other) => Err(other),
    }
}

/// Saves the exported model file. One `put` of the whole file in one transaction: a reader (this
/// tab after a reload, or another tab) sees the old file or the new one, never a mix.
pub async fn save_trained(bytes: &[u8]) -> Result<(), StoreError> {
    save_bytes(KEY, bytes).await
}

/// The saved model file, if any.
pub async fn load_trained() -> Result<Option<Vec<u8>>, StoreError> {
    load_bytes(KEY).await
}

/// Moves a saved model file that cannot be read out of the way, so the next start is clean. The
/// damaged file goes even when its copy cannot be kept (a full store may be why it was damaged).
pub async fn set_aside_trained(bytes: &[u8]) -> Result<(), StoreError> {
    let copied = save_bytes(DAMAGED_KEY, bytes).await;
    delete(KEY).await?;
    copied
}

/// The object store, in a new transaction of `mode`.
async fn store(mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|e| StoreError::of(&e))?;
    let store = tx.object_store(STORE).map_err(|e| StoreError::of(&e))?;
    Ok((tx, store))
}

/// Resolves once `tx` is committed, or rejects with why it was aborted. A full store fails only
/// here (when the data is written), after each request has already succeeded.
async fn committed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = Closure::once_into_js(move |ev: web_sys::Event| {
            let tx: IdbTransaction = ev.current_target().unwrap().unchecked_into();
            let why: JsValue = match tx.error() {
                Some(e) => e.into(),
                None => JsValue::from_str("the browser cancelled the save"),
            };
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        tx.set_oncomplete(Some(done.unchecked_ref()));
        tx.set_onabort(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| StoreError::of(&e))
}

/// Saves `bytes` under `key` in the app's IndexedDB store (the lab model, homework work).
pub async fn save_bytes(key: &str, bytes: &[u8]) -> Result<(), StoreError> {
    let (tx, store) = store(IdbTransactionMode::Readwrite).await?;
    store
        .put_with_key(&Uint8Array::from(bytes), &JsValue::from_str(key))
        .map_err(|e| StoreError::of(&e))?;
    committed(&tx).await
}

/// Removes what is saved under `key`.
async fn delete(key: &str) -> Result<(), StoreError> {
    let (tx, store) = store(IdbTransactionMode::Readwrite).await?;
    store
        .delete(&JsValue::from_str(key))
        .map_err(|e| StoreError::of(&e))?;
    committed(&tx).await
}

/// The bytes saved under `key`, if any.
pub async fn load_bytes(key: &str) -> Result<Option<Vec<u8>>, StoreError> {
    let (_, store) = store(IdbTransactionMode::Readonly).await?;
    let req = store
        .get(&JsValue::from_str(key))
        .map_err(|e| StoreError::of(&e))?;
    let value = request(&req).await?;
    Ok(value.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec))
}
