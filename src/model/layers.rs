//! Building blocks shared by the autoencoder and the VAE.

use burn::nn::{Linear, LinearConfig};
use burn::prelude::*;
use burn::tensor::activation::{relu, sigmoid};

/// Fully connected layers, each followed by a ReLU: `widths[0] → widths[1] → … → widths[n]`.
#[derive(Module, Debug)]
pub struct ReluStack {
    pub layers: Vec<Linear>,
}

impl ReluStack {
    pub fn new(widths: &[usize], device: &Device) -> Self {
        let layers = widths
            .windows(2)
            .map(|w| LinearConfig::new(w[0], w[1]).init(device))
            .collect();
        Self { layers }
    }

    pub fn forward(&self, mut x: Tensor<2>) -> Tensor<2> {
        for layer in &self.layers {
            x = relu(layer.forward(x));
        }
        x
    }
}

/// The decoder g(h): latent code → hidden ReLU layers → 784 logits → sigmoid pixels.
/// The autoencoder and the VAE use the same decoder shape, so they compare fairly.
#[derive(Module, Debug)]
pub struct Decoder {
    pub hidden: ReluStack,
    pub output: Linear,
}

impl Decoder {
    /// `hidden` lists the encoder's hidden widths from the input side; the decoder mirrors them.
    pub fn new(latent: usize, hidden: &[usize], output: usize, device: &Device) -> Self {
        let mut widths = vec![latent];
        widths.extend(hidden.iter().rev());
        let last = *widths.last().unwrap();
        Self {
            hidden: ReluStack::new(&widths, device),
            output: LinearConfig::new(last, output).init(device),
        }
    }

    /// Pre-sigmoid outputs; the losses use these for numerically stable cross-entropy.
    pub fn logits(&self, code: Tensor<2>) -> Tensor<2> {
        self.output.forward(self.hidden.forward(code))
    }

    /// Reconstructed pixels in (0, 1).
    pub fn forward(&self, code: Tensor<2>) -> Tensor<2> {
        sigmoid(self.logits(code))
    }
}

/// `[input, hidden…]`: the widths of an encoder's ReLU stack.
pub fn encoder_widths(input: usize, hidden: &[usize]) -> Vec<usize> {
    std::iter::once(input)
        .chain(hidden.iter().copied())
        .collect()
}

/// The parameters of an autoencoder built from dense layers with bias: the encoder
/// `input → enc_hidden…`, `heads` code layers of `latent` (two for a VAE's μ and log σ²), the
/// decoder `latent → dec_hidden reversed… → output`. Counted without building anything, saturating
/// (an absurd architecture from a file reads as huge instead of overflowing), so a file's weights
/// can be compared with it before memory is allocated for the model.
pub fn autoencoder_parameters(
    input: usize,
    enc_hidden: &[usize],
    latent: usize,
    heads: u64,
    dec_hidden: &[usize],
    output: usize,
) -> u64 {
    let dense = |a: usize, b: usize| (a as u64).saturating_mul(b as u64).saturating_add(b as u64);
    let chain = |w: &[usize]| {
        w.windows(2)
            .fold(0u64, |n, p| n.saturating_add(dense(p[0], p[1])))
    };
    let encoder = encoder_widths(input, enc_hidden);
    let last = *encoder.last().unwrap();
    let mut decoder = vec![latent];
    decoder.extend(dec_hidden.iter().rev());
    let dec_last = *decoder.last().unwrap();
    chain(&encoder)
        .saturating_add(dense(last, latent).saturating_mul(heads))
        .saturating_add(chain(&decoder))
        .saturating_add(dense(dec_last, output))
}
