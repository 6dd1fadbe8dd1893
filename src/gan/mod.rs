//! The GAN lab's plain-Rust side: the 2-D toy distributions with their presets, and the quality
//! measures of generated digits. The models and their training live in `model::gan` and
//! `train::gan`.

pub mod bench;
pub mod presets;
pub mod quality;
pub mod shipped;
pub mod toy;
