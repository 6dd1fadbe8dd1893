//! The models of the course as Burn modules, each a `Config` and a `Module`, with the losses beside them.

pub mod autoencoder;
pub mod compact;
pub mod compact_file;
pub mod gan;
pub mod gan_history;
pub mod history;
pub mod host_copy;
pub mod lab;
pub mod layers;
pub mod loss;
pub mod manifest;
pub mod pretrained;
pub mod safetensors_header;
pub mod store;
pub mod trained_file;
pub mod vae;

pub use autoencoder::{Autoencoder, AutoencoderConfig};
pub use vae::{Vae, VaeConfig, VaeOutput};
