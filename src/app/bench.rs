//! A benchmark hook, not a feature: when the page's address carries `?bench`, the app registers
//! `window.latentLabBench(engine, model, runs, warmup)` for tests/bench/bench.mjs. It times
//! `runs` single-image reconstructions of a test digit by the shipped models, after `warmup`
//! untimed ones, each from the upload to the read-back (what a stroke on the draw pad waits for),
//! and resolves to `{ engine, times }` (milliseconds; `engine` is the one that ran, as WebGPU
//! falls back to the CPU when it is missing). `engine` is "cpu" or "webgpu"; `model` is "ae"
//! (AE-16 alone) or "both" (AE-16 and VAE-16 with one read-back, as the draw view runs them).
//!
//! It also registers `window.latentLabLayer(runs)` for tests/bench/bench-gpu-work.mjs: on the
//! WebGPU engine, the milliseconds per forward pass of the lab's largest layer ([64, 784] ×
//! [784, 256] and an addition), averaged over `runs` queued back to back with one read-back at
//! the end: what one layer's kernels cost, without a read-back per run.
//! Without `?bench` nothing is registered.

use std::sync::Arc;

use burn::prelude::*;
use wasm_bindgen::prelude::*;

use super::engine::Backend;
use super::engine::error::EngineError;
use super::engine::models::read;
use super::engine::resources::Resources;
use super::web::now_ms;
use crate::PIXELS;

/// Why a benchmark could not run: the page asked for something unknown, or the engine failed.
#[derive(Debug)]
enum BenchError {
    Asked(String),
    Engine(EngineError),
}

impl From<EngineError> for BenchError {
    fn from(e: EngineError) -> Self {
        Self::Engine(e)
    }
}

impl From<BenchError> for JsValue {
    fn from(e: BenchError) -> Self {
        match e {
            BenchError::Asked(why) => JsValue::from_str(&why),
            BenchError::Engine(e) => JsValue::from_str(&e.to_string()),
        }
    }
}

/// Registers the hook when the address asks for it.
pub fn install(resources: Arc<Resources>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let search = window.location().search().unwrap_or_default();
    if !search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "bench")
    {
        return;
    }
    let resources_for_layer = resources.clone();
    let hook = Closure::<dyn Fn(String, String, u32, u32) -> js_sys::Promise>::new(
        move |engine: String, model: String, runs: u32, warmup: u32| {
            let resources = resources.clone();
            wasm_bindgen_futures::future_to_promise(async move {
                let (engine, times) = time(&resources, &engine, &model, runs, warmup).await?;
                let result = js_sys::Object::new();
                js_sys::Reflect::set(&result, &"engine".into(), &engine.attribute().into())?;
                js_sys::Reflect::set(
                    &result,
                    &"times".into(),
                    &js_sys::Float64Array::from(&times[..]),
                )?;
                Ok(result.into())
            })
        },
    );
    if js_sys::Reflect::set(&window, &"latentLabBench".into(), hook.as_ref()).is_ok() {
        // Registered once per page load and never removed: the closure lives as long as the page.
        hook.forget();
    }
    let layer = Closure::<dyn Fn(u32) -> js_sys::Promise>::new(move |runs: u32| {
        let resources = resources_for_layer.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            let ms = time_layer(&resources, runs.max(1)).await?;
            Ok(ms.into())
        })
    });
    if js_sys::Reflect::set(&window, &"latentLabLayer".into(), layer.as_ref()).is_ok() {
        layer.forget();
    }
}

/// Milliseconds per forward pass of the lab's first layer on WebGPU (a matrix product and the
/// addition of the previous output, `out ← out + x·w`: two dispatches, each run feeding the next
/// so none can be skipped), queued `runs` times with one read-back at the end.
async fn time_layer(resources: &Resources, runs: u32) -> Result<f64, BenchError> {
    let (set, engine) = resources.models(Backend::WebGpu);
    if engine != Backend::WebGpu {
        return Err(BenchError::Asked("WebGPU is not in use".into()));
    }
    let device = &set.device;
    let uniform = burn::tensor::Distribution::Uniform(0.0, 1.0);
    let x: Tensor<2> = Tensor::random([64, PIXELS], uniform, device);
    let w: Tensor<2> = Tensor::random([PIXELS, 256], uniform, device);
    let layers = |n: u32| {
        let mut out: Tensor<2> = Tensor::zeros([64, 256], device);
        for _ in 0..n {
            out = out + x.clone().matmul(w.clone());
        }
        out
    };
    // Warm-up: kernels compiled, buffers allocated.
    read(layers(2)).await?;
    let start = now_ms();
    read(layers(runs)).await?;
    Ok((now_ms() - start) / f64::from(runs))
}
/// The timed runs: milliseconds of each, on the engine that ran them.
async fn time(
    resources: &Resources,
    engine: &str,
    model: &str,
    runs: u32,
    warmup: u32,
) -> Result<(Backend, Vec<f64>), BenchError> {
    let wanted = match engine {
        "cpu" => Backend::Cpu,
        "webgpu" => Backend::WebGpu,
        other => return Err(BenchError::Asked(format!("unknown engine {other:?}"))),
    };
    if !matches!(model, "ae" | "both") {
        return Err(BenchError::Asked(format!("unknown model {model:?}")));
    }
    let (set, ran_on) = resources.models(wanted);
    let image = resources.test_digits().image(0);
    let mut times = Vec::with_capacity(runs as usize);
    for k in 0..warmup + runs {
        let start = now_ms();
        if model == "ae" {
            let x: Tensor<2> =
                Tensor::from_data(TensorData::new(image.clone(), [1, PIXELS]), &set.device);
            read(set.ae.forward(x)).await?;
        } else {
            set.reconstruct_both(&image).await?;
        }
        if k >= warmup {
            times.push(now_ms() - start);
        }
    }
    Ok((ran_on, times))
}
