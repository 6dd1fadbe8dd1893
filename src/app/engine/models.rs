//! The shipped models on one engine, and running them. Reads are asynchronous: WebGPU in the browser cannot
//! read a buffer back synchronously, so every call reads all its outputs back at once.

use std::sync::OnceLock;

use burn::prelude::*;

use super::error::EngineError;
use super::{Family, LatentSize, PerFamily};
use crate::PIXELS;
use crate::analysis::metrics::mse;
use crate::model::{Autoencoder, Vae};

/// The four models the noise lab compares, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reconstructor {
    /// The plain autoencoder.
    Ae,
    /// The denoising autoencoder.
    Dae,
    /// The inpainting autoencoder.
    Inpaint,
    /// The VAE, decoding μ.
    Vae,
}

// The suffix of test ids (`recon-dae`, `err-clean-dae`), in display order.
crate::slugs!(Reconstructor {
    Ae: "ae";
    Dae: "dae";
    Inpaint: "inpaint";
    Vae: "vae";
});

/// The shipped models, loaded from the same files, on one device. The draw view's AE and VAE
/// are there from the start; the others arrive after start-up (see `engine::late`), each set
/// once, and asking for one before it has arrived is an error, not a wait.
pub struct ModelSet {
    pub device: Device,
    /// The plain autoencoder.
    pub ae: Autoencoder,
    pub vae: Vae,
    /// The denoising autoencoder.
    pub dae: OnceLock<Autoencoder>,
    /// The inpainting autoencoder.
    pub inpaint: OnceLock<Autoencoder>,
    /// The 2-D autoencoder and VAE of the latent maps.
    pub ae2: OnceLock<Autoencoder>,
    pub vae2: OnceLock<Vae>,
}

/// One of the models that arrive after start-up, or an error naming it.
fn arrived<'a, T>(slot: &'a OnceLock<T>, name: &'static str) -> Result<&'a T, EngineError> {
    slot.get().ok_or(EngineError::NotDownloaded(name))
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
    /// One model's reconstructions.
    pub fn get(&self, model: Reconstructor) -> &[f32] {
        match model {
            Reconstructor::Ae => &self.ae,
            Reconstructor::Dae => &self.dae,
            Reconstructor::Inpaint => &self.inpaint,
            Reconstructor::Vae => &self.vae,
        }
    }

    /// Every model's reconstructions, in display order.
    pub fn all(&self) -> [&[f32]; 4] {
        Reconstructor::ALL.map(|m| self.get(m))
    }

    /// Replaces the AE's or the VAE's reconstructions (by the lab model standing in for it).
    pub fn replace(&mut self, family: Family, images: Vec<f32>) {
        match family {
            Family::Ae => self.ae = images,
            Family::Vae => self.vae = images,
        }
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

impl Reconstruction {
    /// Both reconstructions of `input` with their errors against it.
    pub fn of(input: &[f32], images: PerFamily<Vec<f32>>) -> Self {
        Self {
            ae_mse: mse(&images.ae, input),
            vae_mse: mse(&images.vae, input),
            ae: images.ae,
            vae: images.vae,
        }
    }
}

impl ModelSet {
    /// The start-up models on `device`; the others are set as they arrive.
    pub fn new(device: Device, ae: Autoencoder, vae: Vae) -> Self {
        Self {
            device,
            ae,
            vae,
            dae: OnceLock::new(),
            inpaint: OnceLock::new(),
            ae2: OnceLock::new(),
            vae2: OnceLock::new(),
        }
    }

    /// Whether `model` is in this set (the start-up ones always are).
    pub fn has(&self, model: crate::model::pretrained::Shipped) -> bool {
        use crate::model::pretrained::Shipped;
        match model {
            Shipped::Dae16 => self.dae.get().is_some(),
            Shipped::Inpaint16 => self.inpaint.get().is_some(),
            Shipped::Ae2 => self.ae2.get().is_some(),
            Shipped::Vae2 => self.vae2.get().is_some(),
            _ => true,
        }
    }

    /// One model's reconstructions of `images` (`n × 784`; the VAE decodes μ), for checking an
    /// engine against another.
    pub async fn reconstruct_with(
        &self,
        model: crate::model::pretrained::Shipped,
        images: &[f32],
    ) -> Result<Vec<f32>, EngineError> {
        use crate::model::pretrained::Shipped;
        let n = images.len() / PIXELS;
        let x: Tensor<2> =
            Tensor::from_data(TensorData::new(images.to_vec(), [n, PIXELS]), &self.device);
        read(match model {
            Shipped::Ae16 => self.ae.forward(x),
            Shipped::Vae16 => self.vae.reconstruct(x),
            Shipped::Dae16 => arrived(&self.dae, "denoising")?.forward(x),
            Shipped::Inpaint16 => arrived(&self.inpaint, "inpainting")?.forward(x),
            Shipped::Ae2 => arrived(&self.ae2, "2-D autoencoder")?.forward(x),
            Shipped::Vae2 => arrived(&self.vae2, "2-D VAE")?.reconstruct(x),
            other => {
                return Err(EngineError::Compute(format!(
                    "{} is not one of the shipped set",
                    other.name()
                )));
            }
        })
        .await
    }

    /// Runs every model on `images` (`n × 784`, one after another) with one read-back.
    pub async fn run_all(&self, images: &[f32]) -> Result<Outputs, EngineError> {
        let (dae, inpaint) = (
            arrived(&self.dae, "denoising")?,
            arrived(&self.inpaint, "inpainting")?,
        );
        let n = images.len() / PIXELS;
        let x: Tensor<2> =
            Tensor::from_data(TensorData::new(images.to_vec(), [n, PIXELS]), &self.device);
        let all = Tensor::cat(
            vec![
                self.ae.forward(x.clone()),
                self.vae.reconstruct(x.clone()),
                dae.forward(x.clone()),
                inpaint.forward(x),
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

    /// The AE's and the VAE's reconstructions (g(μ)) of `images` (`n × 784`), with one read-back.
    pub async fn reconstruct_both(
        &self,
        images: &[f32],
    ) -> Result<PerFamily<Vec<f32>>, EngineError> {
        let n = images.len() / PIXELS;
        let x: Tensor<2> =
            Tensor::from_data(TensorData::new(images.to_vec(), [n, PIXELS]), &self.device);
        let mut ae = read(Tensor::cat(
            vec![self.ae.forward(x.clone()), self.vae.reconstruct(x)],
            0,
        ))
        .await?;
        let vae = ae.split_off(n * PIXELS);
        Ok(PerFamily { ae, vae })
    }
}

impl ModelSet {
    fn autoencoder(&self, size: LatentSize) -> Result<&Autoencoder, EngineError> {
        match size {
            LatentSize::Two => arrived(&self.ae2, "2-D autoencoder"),
            LatentSize::Sixteen => Ok(&self.ae),
        }
    }

    fn variational(&self, size: LatentSize) -> Result<&Vae, EngineError> {
        match size {
            LatentSize::Two => arrived(&self.vae2, "2-D VAE"),
            LatentSize::Sixteen => Ok(&self.vae),
        }
    }

    /// Encodes `images` (`n × 784`) into codes.
    pub async fn encode(
        &self,
        family: Family,
        size: LatentSize,
        images: &[f32],
    ) -> Result<Codes, EngineError> {
        let n = images.len() / PIXELS;
        let x: Tensor<2> =
            Tensor::from_data(TensorData::new(images.to_vec(), [n, PIXELS]), &self.device);
        let dim = size.dim();
        match family {
            Family::Ae => Ok(Codes {
                dim,
                mean: read(self.autoencoder(size)?.encode(x)).await?,
                log_var: None,
            }),
            Family::Vae => {
                let (mu, log_var) = self.variational(size)?.encode(x);
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
    ) -> Result<Vec<f32>, EngineError> {
        let dim = size.dim();
        let z: Tensor<2> = Tensor::from_data(
            TensorData::new(codes.to_vec(), [codes.len() / dim, dim]),
            &self.device,
        );
        read(match family {
            Family::Ae => self.autoencoder(size)?.decode(z),
            Family::Vae => self.variational(size)?.decode(z),
        })
        .await
    }
}

/// Reads a tensor back (asynchronously, as WebGPU requires) as plain values.
pub async fn read(t: Tensor<2>) -> Result<Vec<f32>, EngineError> {
    let data = t
        .into_data_async()
        .await
        .map_err(|e| EngineError::Compute(format!("reading the result failed: {e:?}")))?;
    data.try_into_vec::<f32>()
        .map_err(|e| EngineError::Compute(format!("unexpected result type: {e:?}")))
}
