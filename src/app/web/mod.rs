//! Browser services with no knowledge of models or views: fetching the app's files, what survives
//! a reload (localStorage and IndexedDB), downloading and reading files, latest-wins scheduling,
//! turns between pieces of long work, and the clock.

pub mod fetch;
pub mod files;
pub mod raster;
pub mod runner;
pub mod storage;
pub mod turn;

/// Milliseconds since the page started, for measuring workloads.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// A fresh random seed in `0..limit` (the seed itself is shown, so any result can be reproduced).
pub fn random_seed(limit: u64) -> u64 {
    (js_sys::Math::random() * limit as f64) as u64 % limit.max(1)
}

/// A random index in `0..len`.
pub fn random_index(len: usize) -> usize {
    random_seed(len as u64) as usize
}

/// Resolves at the browser's next animation frame: work awaited after it runs once the current
/// feedback (a stroke, a mask) has been painted.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
