//! Latent Lab: autoencoders and variational autoencoders you can draw on.
//!
//! The crate is split so that everything numeric is plain Rust, tested natively:
//! - [`data`]: the bundled MNIST file, the train/test split and MNIST-style preprocessing of drawings;
//! - [`model`]: the Burn modules (a `Config` and a `Module` per model) with their losses beside them;
//! - [`analysis`]: PCA and reconstruction metrics;
//! - [`train`]: the training loops, shared by the pretraining command and the app;
//! - [`input`]: checking what a student types into a form;
//! - [`i18n`]: Romanian and English (Fluent files), numbers written each language's way;
//! - [`link`]: links that reproduce a view's state (parsing, limits, packed drawings and masks);
//! - [`formula`]: the course's formulas as MathML, with live numbers;
//! - [`homework`]: course assignments, work logs, reports and their verification;
//! - `app` (WebAssembly only): the Leptos user interface, which only calls the modules above.

pub mod analysis;
pub mod data;
pub mod formula;
pub mod gan;
pub mod homework;
pub mod i18n;
pub mod input;
pub mod link;
pub mod model;
pub mod rng;
pub mod slug;
pub mod train;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// Side of an MNIST image in pixels.
pub const SIDE: usize = 28;
/// Pixels in an MNIST image (28 × 28).
pub const PIXELS: usize = SIDE * SIDE;
