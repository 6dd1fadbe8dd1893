//! The GAN lab's plain-Rust side: the 2-D toy distributions with their presets, the view's
//! settings and plot geometry, the quality measures of generated digits, and the shipped GAN's
//! file format. The models and their training live in `model::gan` and `train::gan`.

pub mod bench;
pub mod plot;
pub mod presets;
pub mod quality;
pub mod settings;
pub mod shipped;
pub mod toy;
