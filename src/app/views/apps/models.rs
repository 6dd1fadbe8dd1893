//! The two models only the applications use (`linear-16`, `colour-16`): downloaded when a tab
//! first needs them rather than at start-up, and run on the CPU engine (one image at a time, or
//! the 2,000 test digits once).

use burn::prelude::*;

use crate::app::engine::error::EngineError;
use crate::app::engine::loader::load_model_files;
use crate::model::Autoencoder;
use crate::model::manifest::Manifest;
use crate::model::pretrained::{Shipped, load_autoencoder};

/// A loaded application model and its manifest.
pub struct AppModel {
    pub manifest: Manifest,
    pub net: Autoencoder,
}

impl AppModel {
    pub async fn load(model: Shipped) -> Result<Self, EngineError> {
        let (manifest, weights) = load_model_files(model.name()).await?;
        let net = load_autoencoder(&manifest, weights, &Device::flex())
            .map_err(|e| EngineError::BadFile(format!("{}: {e}", manifest.name)))?;
        Ok(Self { manifest, net })
    }

    /// The model's outputs for `images` (n × 784), `outputs` values each.
    pub async fn run(&self, images: &[f32]) -> Result<Vec<f32>, EngineError> {
        let n = images.len() / crate::PIXELS;
        let x = Tensor::from_data(
            TensorData::new(images.to_vec(), [n, crate::PIXELS]),
            &Device::flex(),
        );
        crate::app::engine::models::read(self.net.forward(x)).await
    }

    /// The decoder's output weights as rows (one per code unit): for a linear decoder, a basis
    /// of the images it can produce (around its bias).
    pub async fn decoder_rows(&self) -> Result<Vec<f32>, EngineError> {
        crate::app::engine::models::read(self.net.decoder.output.weight.val()).await
    }
}
