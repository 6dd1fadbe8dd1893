//! Starting Burn's wgpu backend on the browser's WebGPU, with a health flag that the browser's
//! device-lost and error callbacks lower.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use burn::prelude::*;
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::app::web::fetch::js_message;
use crate::i18n::Text;

/// A WebGPU device with a flag lowered when the browser reports it lost or broken.
#[derive(Clone)]
pub struct GpuEngine {
    pub device: Device,
    /// The adapter's name, if the browser tells it (many hide it against fingerprinting).
    pub adapter: Option<String>,
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
    on_failure: impl Fn(Text) + Send + Sync + 'static,
) -> Result<GpuEngine, Text> {
    let failed = |why: String| Text::new("webgpu-request-failed").with("why", why);
    let Some(window) = web_sys::window() else {
        return Err(Text::new("webgpu-unavailable"));
    };
    let navigator: JsValue = window.navigator().into();
    let gpu = Reflect::get(&navigator, &"gpu".into()).unwrap_or(JsValue::UNDEFINED);
    if gpu.is_undefined() || gpu.is_null() {
        return Err(Text::new("webgpu-unavailable"));
    }
    // Ask for an adapter ourselves first: a browser with WebGPU switched off or without a usable
    // GPU answers null, which deserves its own message.
    let request: Function = Reflect::get(&gpu, &"requestAdapter".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| Text::new("webgpu-unavailable"))?;
    let promise: js_sys::Promise = request
        .call0(&gpu)
        .map_err(|e| failed(js_message(&e)))?
        .dyn_into()
        .map_err(|_| failed("no promise".into()))?;
    let adapter = JsFuture::from(promise)
        .await
        .map_err(|e| failed(js_message(&e)))?;
    if adapter.is_null() || adapter.is_undefined() {
        return Err(Text::new("webgpu-no-adapter"));
    }
    let (device, setup) = Device::wgpu_options()
        .init_with_setup_async()
        .await
        .map_err(|e| Text::new("webgpu-no-device").with("why", e.to_string()))?;
    let healthy = Arc::new(AtomicBool::new(true));
    let on_failure = Arc::new(on_failure);
    let (flag, report) = (healthy.clone(), on_failure.clone());
    setup
        .device
        .set_device_lost_callback(move |reason, message| {
            log::warn!("WebGPU device lost ({reason:?}): {message}");
            flag.store(false, Ordering::Relaxed);
            report(Text::new("webgpu-lost").with("why", format!("{reason:?}")));
        });
    let (flag, report) = (healthy.clone(), on_failure);
    setup.device.on_uncaptured_error(Arc::new(move |error| {
        log::warn!("WebGPU error: {error}");
        flag.store(false, Ordering::Relaxed);
        report(Text::new("webgpu-error").with("why", error.to_string()));
    }));
    let info = setup.adapter.get_info();
    // Browsers often hide the adapter's name (fingerprinting); say so rather than print nothing.
    let adapter = (!info.name.is_empty()).then(|| info.name.clone());
    Ok(GpuEngine {
        device,
        adapter,
        healthy,
        wgpu_device: setup.device,
    })
}
