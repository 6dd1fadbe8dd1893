//! The fully connected autoencoder: h = f(x), r = g(h) = g(f(x)).

use burn::nn::{Linear, LinearConfig};
use burn::prelude::*;

use super::layers::{Decoder, ReluStack, encoder_widths};

#[derive(Config, Debug)]
pub struct AutoencoderConfig {
    /// Pixels per image.
    #[config(default = 784)]
    pub input: usize,
    /// Hidden widths of the encoder from the input side; the decoder mirrors them.
    pub hidden: Vec<usize>,
    /// dim(h): below 784 the autoencoder is undercomplete.
    pub latent: usize,
}

impl AutoencoderConfig {
    pub fn init(&self, device: &Device) -> Autoencoder {
        let widths = encoder_widths(self.input, &self.hidden);
        Autoencoder {
            encoder: ReluStack::new(&widths, device),
            code: LinearConfig::new(*widths.last().unwrap(), self.latent).init(device),
            decoder: Decoder::new(self.latent, &self.hidden, self.input, device),
        }
    }
}

#[derive(Module, Debug)]
pub struct Autoencoder {
    pub encoder: ReluStack,
    /// The last encoder layer is linear, so codes can take any value.
    pub code: Linear,
    pub decoder: Decoder,
}

impl Autoencoder {
    /// The encoder f: images `[batch, 784]` → codes h `[batch, latent]`.
    pub fn encode(&self, x: Tensor<2>) -> Tensor<2> {
        self.code.forward(self.encoder.forward(x))
    }

    /// The decoder g: codes → reconstructions in (0, 1).
    pub fn decode(&self, h: Tensor<2>) -> Tensor<2> {
        self.decoder.forward(h)
    }

    /// r = g(f(x)).
    pub fn forward(&self, x: Tensor<2>) -> Tensor<2> {
        self.decode(self.encode(x))
    }

    /// Pre-sigmoid reconstruction, for the cross-entropy loss.
    pub fn forward_logits(&self, x: Tensor<2>) -> Tensor<2> {
        self.decoder.logits(self.encode(x))
    }
}
