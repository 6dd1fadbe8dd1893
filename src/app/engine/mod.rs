//! The engines and what runs on them: Burn's wgpu backend on WebGPU when the browser offers it,
//! Burn's pure-Rust CPU backend (Flex, in WebAssembly) always; the shipped models on each; the
//! start-up loading and checks; the lab model; and training sessions.

pub mod error;
pub mod evaluate;
pub mod gan;
pub mod late;
pub mod loader;
pub mod models;
pub mod report;
pub mod resources;
pub mod search;
pub mod trained;
pub mod training;
pub mod training_digits;
pub mod webgpu;

use crate::i18n::Text;
use std::ops::{Index, IndexMut};

/// A failure explained for a student (what happened, what to do), with the technical detail
/// kept for a disclosure.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub sentence: Text,
    pub detail: Option<String>,
}

/// Which of Burn's backends runs a workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    WebGpu,
    Cpu,
}

impl Backend {
    /// The value of the badge's `data-backend` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Backend::WebGpu => "webgpu",
            Backend::Cpu => "cpu",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Backend::WebGpu => "WebGPU",
            Backend::Cpu => "CPU (WebAssembly)",
        }
    }
}

/// The engine a student asks for in an engine menu: the app's own choice, or one of the two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EngineChoice {
    #[default]
    Auto,
    WebGpu,
    Cpu,
}

// The `<option>` value.
crate::slugs!(EngineChoice {
    Auto: "auto";
    WebGpu: "webgpu";
    Cpu: "cpu";
});

impl EngineChoice {
    /// The backend asked for; `auto` stands for `default`.
    pub fn resolve(self, default: Backend) -> Backend {
        match self {
            EngineChoice::Auto => default,
            EngineChoice::WebGpu => Backend::WebGpu,
            EngineChoice::Cpu => Backend::Cpu,
        }
    }
}

/// Which kind of model a latent-space operation uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Ae,
    Vae,
}

// The suffix of test ids (`latent-map-ae`) and the `<option>` value.
crate::slugs!(Family {
    Ae: "ae";
    Vae: "vae";
});

/// One value per model family: the AE's and the VAE's.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PerFamily<T> {
    pub ae: T,
    pub vae: T,
}

impl<T> PerFamily<T> {
    pub fn new(mut make: impl FnMut(Family) -> T) -> Self {
        Self {
            ae: make(Family::Ae),
            vae: make(Family::Vae),
        }
    }
}

impl<T> Index<Family> for PerFamily<T> {
    type Output = T;

    fn index(&self, family: Family) -> &T {
        match family {
            Family::Ae => &self.ae,
            Family::Vae => &self.vae,
        }
    }
}

impl<T> IndexMut<Family> for PerFamily<T> {
    fn index_mut(&mut self, family: Family) -> &mut T {
        match family {
            Family::Ae => &mut self.ae,
            Family::Vae => &mut self.vae,
        }
    }
}

/// The latent sizes the app ships models for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LatentSize {
    Two,
    Sixteen,
}

// The `<option>` value: the dimension.
crate::slugs!(LatentSize {
    Two: "2";
    Sixteen: "16";
});

impl LatentSize {
    pub fn dim(self) -> usize {
        match self {
            LatentSize::Two => 2,
            LatentSize::Sixteen => 16,
        }
    }

    /// The shipped size with `dim` dimensions, if any.
    pub fn of_dim(dim: usize) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.dim() == dim)
    }
}

/// One value per shipped latent size.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PerSize<T> {
    pub two: T,
    pub sixteen: T,
}

impl<T> Index<LatentSize> for PerSize<T> {
    type Output = T;

    fn index(&self, size: LatentSize) -> &T {
        match size {
            LatentSize::Two => &self.two,
            LatentSize::Sixteen => &self.sixteen,
        }
    }
}

impl<T> IndexMut<LatentSize> for PerSize<T> {
    fn index_mut(&mut self, size: LatentSize) -> &mut T {
        match size {
            LatentSize::Two => &mut self.two,
            LatentSize::Sixteen => &mut self.sixteen,
        }
    }
}
