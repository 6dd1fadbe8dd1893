//! Running the shipped models on one engine. Reads are asynchronous: WebGPU in the browser cannot
//! read a buffer back synchronously, so every call reads all its outputs back at once.

use burn::prelude::*;

use crate::PIXELS;
use crate::analysis::metrics::mse;
use crate::model::{Autoencoder, Vae};

/// The shipped models, loaded from the same files, on one device.
pub struct ModelSet {
    pub device: Device,
    /// The plain autoencoder.
    pub ae: Autoencoder,
    pub vae: Vae,
    /// The denoising autoencoder.
    pub dae: Autoencoder,
    /// The inpainting autoencoder.
    pub inpaint: Autoencoder,
    /// The 2-D autoencoder and VAE of the latent maps.
    pub ae2: Autoencoder,
    pub vae2: Vae,
}

/// Which kind of model a latent-space operation uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Ae,
    Vae,
}

/// The latent sizes the app ships models for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LatentSize {
    Two,
    Sixteen,
}

impl LatentSize {
    pub fn dim(self) -> usize {
        match self {
            LatentSize::Two => 2,
            LatentSize::Sixteen => 16,
        }
    }
}

/// Codes of a batch: the AE's h, or the VAE's μ with its log σ²; `dim` values per image.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Codes {
    pub dim: usize,
    pub mean: Vec<f32>,
    pub log_var: Option<Vec<f32>>,
}

/// Reconstructions of a batch by each model, `n × 784` each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outputs {
    pub ae: Vec<f32>,
    pub vae: Vec<f32>,
    pub dae: Vec<f32>,
    pub inpaint: Vec<f32>,
}

impl Outputs {
    /// Largest per-pixel difference between two sets of outputs.
    pub fn max_abs_diff(&self, other: &Outputs) -> f32 {
        use crate::analysis::metrics::max_abs_diff;
        [
            (&self.ae, &other.ae),
            (&self.vae, &other.vae),
            (&self.dae, &other.dae),
            (&self.inpaint, &other.inpaint),
        ]
        .iter()
        .map(|(a, b)| max_abs_diff(a, b))
        .fold(0.0, f32::max)
    }
}

/// Both draw-view reconstructions of one input and their per-pixel MSE against it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reconstruction {
    pub ae: Vec<f32>,
    pub vae: Vec<f32>,
    pub ae_mse: f64,
    pub vae_mse: f64,
}

impl ModelSet {
    /// Runs every model on `images` (`n × 784`, one after another) with one read-back.
    pub async fn run_all(&self, images: &[f32]) -> Result<Outputs, String> {
        let n = images.len() / PIXELS;
        let x: Tensor<2> =
            Tensor::from_data(TensorData::new(images.to_vec(), [n, PIXELS]), &self.device);
        let all = Tensor::cat(
            vec![
                self.ae.forward(x.clone()),
                self.vae.reconstruct(x.clone()),
                self.dae.forward(x.clone()),
                self.inpaint.forward(x),
            ],
            0,
        );
        let mut values = read(all).await?;
        let inpaint = values.split_off(3 * n * PIXELS);
        let dae = values.split_off(2 * n * PIXELS);
        let vae = values.split_off(n * PIXELS);
        Ok(Outputs {
            ae: values,
            vae,
            dae,
            inpaint,
        })
    }

    /// The draw view's AE and VAE reconstructions of one image, with one read-back.
    pub async fn reconstruct(&self, input: &[f32]) -> Result<Reconstruction, String> {
        let x: Tensor<2> =
            Tensor::from_data(TensorData::new(input.to_vec(), [1, PIXELS]), &self.device);
        let mut ae = read(Tensor::cat(
            vec![self.ae.forward(x.clone()), self.vae.reconstruct(x)],
            0,
        ))
        .await?;
        let vae = ae.split_off(PIXELS);
        Ok(Reconstruction {
            ae_mse: mse(&ae, input),
            vae_mse: mse(&vae, input),
            ae,
            vae,
        })
    }
}

impl ModelSet {
    fn autoencoder(&self, size: LatentSize) -> &Autoencoder {
        match size {
            LatentSize::Two => &self.ae2,
            LatentSize::Sixteen => &self.ae,
        }
    }

    fn variational(&self, size: LatentSize) -> &Vae {
        match size {
            LatentSize::Two => &self.vae2,
            LatentSize::Sixteen => &self.vae,
        }
    }

    /// Encodes `images` (`n × 784`) into codes.
    pub async fn encode(
        &self,
        family: Family,
        size: LatentSize,
        images: &[f32],
    ) -> Result<Codes, String> {
        let n = images.len() / PIXELS;
        let x: Tensor<2> =
            Tensor::from_data(TensorData::new(images.to_vec(), [n, PIXELS]), &self.device);
        let dim = size.dim();
        match family {
            Family::Ae => Ok(Codes {
                dim,
                mean: read(self.autoencoder(size).encode(x)).await?,
                log_var: None,
            }),
            Family::Vae => {
                let (mu, log_var) = self.variational(size).encode(x);
                let mut both = read(Tensor::cat(vec![mu, log_var], 0)).await?;
                let log_var = both.split_off(n * dim);
                Ok(Codes {
                    dim,
                    mean: both,
                    log_var: Some(log_var),
                })
            }
        }
    }

    /// Decodes codes (`dim` values each, one after another) into images.
    pub async fn decode(
        &self,
        family: Family,
        size: LatentSize,
        codes: &[f32],
    ) -> Result<Vec<f32>, String> {
        let dim = size.dim();
        let z: Tensor<2> = Tensor::from_data(
            TensorData::new(codes.to_vec(), [codes.len() / dim, dim]),
            &self.device,
        );
        read(match family {
            Family::Ae => self.autoencoder(size).decode(z),
            Family::Vae => self.variational(size).decode(z),
        })
        .await
    }
}

/// Reads a tensor back (asynchronously, as WebGPU requires) as plain values.
pub async fn read(t: Tensor<2>) -> Result<Vec<f32>, String> {
    let data = t
        .into_data_async()
        .await
        .map_err(|e| format!("reading the result failed: {e:?}"))?;
    data.try_into_vec::<f32>()
        .map_err(|e| format!("unexpected result type: {e:?}"))
}
