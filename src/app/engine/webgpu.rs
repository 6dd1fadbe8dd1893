//! Starting Burn's wgpu backend on the browser's WebGPU, with a health flag that the browser's
//! device-lost and error callbacks lower.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use burn::prelude::*;
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::app::web::fetch::js_message;

/// A WebGPU device with a flag lowered when the browser reports it lost or broken.
#[derive(Clone)]
pub struct GpuEngine {
    pub device: Device,
    pub adapter: String,
    healthy: Arc<AtomicBool>,
    wgpu_device: burn::tensor::wgpu::wgpu::Device,
}

impl GpuEngine {
    pub fn is_healthy(&self) -> bool {
        self.healthy.load(Ordering::Relaxed)
    }

    pub fn mark_broken(&self) {
        self.healthy.store(false, Ordering::Relaxed);
    }

    /// Releases the GPU device, as a browser does when the GPU resets or the driver crashes; the
    /// device-lost handler then moves the app to the CPU engine.
    pub fn release(&self) {
        self.wgpu_device.destroy();
    }
}

/// Asks the browser for WebGPU and initialises Burn's wgpu runtime on it. The error is the
/// sentence the engine badge shows. `on_failure` is called with a sentence when the device is
/// later lost or reports an error.
pub async fn init_webgpu(
    on_failure: impl Fn(String) + Send + Sync + 'static,
) -> Result<GpuEngine, String> {
    let navigator: JsValue = web_sys::window().ok_or("no window")?.navigator().into();
    let gpu = Reflect::get(&navigator, &"gpu".into()).unwrap_or(JsValue::UNDEFINED);
    if gpu.is_undefined() || gpu.is_null() {
        return Err("WebGPU unavailable in this browser".into());
    }
    // Ask for an adapter ourselves first: a browser with WebGPU switched off or without a usable
    // GPU answers null, which deserves its own message.
    let request: Function = Reflect::get(&gpu, &"requestAdapter".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("WebGPU unavailable in this browser (no requestAdapter)")?;
    let promise: js_sys::Promise = request
        .call0(&gpu)
        .map_err(|e| format!("WebGPU adapter request failed: {}", js_message(&e)))?
        .dyn_into()
        .map_err(|_| "WebGPU adapter request returned no promise".to_string())?;
    let adapter = JsFuture::from(promise)
        .await
        .map_err(|e| format!("WebGPU adapter request failed: {}", js_message(&e)))?;
    if adapter.is_null() || adapter.is_undefined() {
        return Err(
            "WebGPU is present but offers no adapter (no compatible GPU, or WebGPU is disabled)"
                .into(),
        );
    }
    let (device, setup) = Device::wgpu_options()
        .init_with_setup_async()
        .await
        .map_err(|e| format!("WebGPU device could not be created: {e}"))?;
    let healthy = Arc::new(AtomicBool::new(true));
    let on_failure = Arc::new(on_failure);
    let (flag, report) = (healthy.clone(), on_failure.clone());
    setup
        .device
        .set_device_lost_callback(move |reason, message| {
            log::warn!("WebGPU device lost ({reason:?}): {message}");
            flag.store(false, Ordering::Relaxed);
            report(format!("the WebGPU device was lost ({reason:?})"));
        });
    let (flag, report) = (healthy.clone(), on_failure);
    setup.device.on_uncaptured_error(Arc::new(move |error| {
        log::warn!("WebGPU error: {error}");
        flag.store(false, Ordering::Relaxed);
        report(format!("WebGPU reported an error ({error})"));
    }));
    let info = setup.adapter.get_info();
    // Browsers often hide the adapter's name (fingerprinting); say so rather than print nothing.
    let adapter = if info.name.is_empty() {
        "adapter chosen by the browser".to_string()
    } else {
        info.name.clone()
    };
    Ok(GpuEngine {
        device,
        adapter,
        healthy,
        wgpu_device: setup.device,
    })
}
