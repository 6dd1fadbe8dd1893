//! Running the AE and the VAE on one engine. Reads are asynchronous: WebGPU in the browser
//! cannot read a buffer back synchronously.

use burn::prelude::*;

use crate::PIXELS;
use crate::analysis::metrics::mse;
use crate::model::{Autoencoder, Vae};

/// The AE and the VAE, loaded from the same files, on one device.
pub struct ModelPair {
    pub device: Device,
    pub ae: Autoencoder,
    pub vae: Vae,
}

/// Both reconstructions of one input and their per-pixel MSE against it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reconstruction {
    pub ae: Vec<f32>,
    pub vae: Vec<f32>,
    pub ae_mse: f64,
    pub vae_mse: f64,
}

impl ModelPair {
    /// Reconstructs `images` (`n × 784`, one after another) with both models in one read-back:
    /// `(ae, vae)`, each `n × 784`.
    pub async fn reconstruct_batch(&self, images: &[f32]) -> Result<(Vec<f32>, Vec<f32>), String> {
        let n = images.len() / PIXELS;
        let x: Tensor<2> =
            Tensor::from_data(TensorData::new(images.to_vec(), [n, PIXELS]), &self.device);
        let both = Tensor::cat(vec![self.ae.forward(x.clone()), self.vae.reconstruct(x)], 0);
        let data = both
            .into_data_async()
            .await
            .map_err(|e| format!("reading the result failed: {e:?}"))?;
        let mut values = data
            .try_into_vec::<f32>()
            .map_err(|e| format!("unexpected result type: {e:?}"))?;
        let vae = values.split_off(n * PIXELS);
        Ok((values, vae))
    }

    /// Reconstructs one image.
    pub async fn reconstruct(&self, input: &[f32]) -> Result<Reconstruction, String> {
        let (ae, vae) = self.reconstruct_batch(input).await?;
        Ok(Reconstruction {
            ae_mse: mse(&ae, input),
            vae_mse: mse(&vae, input),
            ae,
            vae,
        })
    }
}
