//! The GAN lab's plain-Rust side: the 2-D toy distributions with their presets, the view's
//! settings and plot geometry, the quality measures of generated digits, the shipped GAN's
//! files and the lab's own model file (`file`: settings, history, both players). The models and
//! their training live in `model::gan` and `train::gan`; the history's types in
//! `model::gan_history`. This layer sits above `train` and below the app.

pub mod bench;
pub mod file;
pub mod plot;
pub mod presets;
pub mod quality;
pub mod settings;
pub mod shipped;
pub mod toy;
