//! A model trained in the lab, standing in for the shipped AE or VAE in the other views.

use crate::i18n::Text;
use burn::prelude::*;

use super::Family;
use super::error::EngineError;
use super::models::{Codes, read};
use crate::PIXELS;
use crate::model::lab::{LabConfig, LabNet};

/// The lab model, on the CPU engine, with what it can replace.
pub struct TrainedSlot {
    pub config: LabConfig,
    pub net: LabNet,
    pub device: Device,
}

impl TrainedSlot {
    /// The shipped model it stands in for: the VAE for a VAE, the AE for every other kind.
    pub fn family(&self) -> Family {
        if self.config.kind.is_vae() {
            Family::Vae
        } else {
            Family::Ae
        }
    }

    /// "Sparse AE (L1) with a 16-D code", in the language shown.
    pub fn describe(&self) -> Text {
        Text::new("trained-model")
            .with("kind", Text::new(self.config.kind.name_key()))
            .with("latent", self.config.latent)
    }

    fn input(&self, images: &[f32]) -> Tensor<2> {
        Tensor::from_data(
            TensorData::new(images.to_vec(), [images.len() / PIXELS, PIXELS]),
            &self.device,
        )
    }

    /// g(f(x)) (g(μ) for a VAE) of images one after another.
    pub async fn reconstruct(&self, images: &[f32]) -> Result<Vec<f32>, EngineError> {
        read(self.net.reconstruct(self.input(images))).await
    }

    pub async fn encode(&self, images: &[f32]) -> Result<Codes, EngineError> {
        let out = self.net.forward(self.input(images), None);
        let mean = read(out.code).await?;
        let log_var = match out.log_var {
            Some(lv) => Some(read(lv).await?),
            None => None,
        };
        Ok(Codes {
            dim: self.config.latent,
            mean,
            log_var,
        })
    }

    pub async fn decode(&self, codes: &[f32]) -> Result<Vec<f32>, EngineError> {
        let dim = self.config.latent;
        let z = Tensor::from_data(
            TensorData::new(codes.to_vec(), [codes.len() / dim, dim]),
            &self.device,
        );
        read(self.net.decode(z)).await
    }
}
