//! What the engine badge reports (which engine runs what, and why), and the switch to the CPU
//! engine when WebGPU fails.

use leptos::prelude::*;

use super::Backend;
use crate::i18n::{Text, tk};

/// WebGPU and CPU results may differ by rounding only; more than this means a broken kernel.
pub const AGREEMENT_TOLERANCE: f32 = 1e-3;

/// What the engine badge reports; it changes if the WebGPU device is lost.
#[derive(Clone, Debug, PartialEq)]
pub struct EngineReport {
    /// WebGPU when a WebGPU device is in use, else CPU.
    pub backend: Backend,
    /// The engine live drawing runs on.
    pub live: Backend,
    /// Why this choice, in one sentence.
    pub reason: Text,
    /// Median milliseconds for one single-image reconstruction (AE + VAE) per engine.
    pub cpu_ms: f64,
    pub gpu_ms: Option<f64>,
    /// Largest per-pixel difference between WebGPU and CPU reconstructions of the check digits.
    pub max_diff: Option<f32>,
    /// Whether the browser offered a WebGPU device at all (false: no WebGPU here).
    pub offered: bool,
}

impl EngineReport {
    /// Before WebGPU has been tried.
    pub fn starting() -> Self {
        Self {
            backend: Backend::Cpu,
            live: Backend::Cpu,
            reason: Text::new("engine-starting"),
            cpu_ms: 0.0,
            gpu_ms: None,
            max_diff: None,
            offered: false,
        }
    }

    /// The key of the badge's sentence for a student: where the models run, in plain words.
    pub fn plain_sentence(&self) -> &'static str {
        match (self.backend, self.live, self.offered) {
            (Backend::WebGpu, Backend::WebGpu, _) => tk("engine-on-gpu"),
            (Backend::WebGpu, Backend::Cpu, _) => tk("engine-on-gpu-drawing-on-cpu"),
            (Backend::Cpu, _, false) => tk("engine-on-cpu-no-webgpu"),
            (Backend::Cpu, _, true) => tk("engine-on-cpu-webgpu-failed"),
        }
    }
}

/// Switches the engine report to the CPU, keeping the first reason given.
pub fn report_fallback(engine: RwSignal<EngineReport>, why: Text) {
    if engine.with_untracked(|r| r.backend == Backend::Cpu && r.gpu_ms.is_none()) {
        return;
    }
    engine.update(|r| {
        r.backend = Backend::Cpu;
        r.live = Backend::Cpu;
        r.gpu_ms = None;
        r.reason = Text::new("engine-switched-to-cpu").with("why", why);
    });
}
