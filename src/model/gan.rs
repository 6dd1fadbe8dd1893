//! The generative adversarial network of the lecture's section 4.4: a generator G(z) that maps noise
//! to samples and a discriminator D(x) that outputs a logit (the log-odds that x is real), both
//! small fully connected networks, with the adversarial losses beside them.
//!
//! The two-player game is min_G max_D E_x[log D(x)] + E_z[log(1 − D(G(z)))]. Every loss here is
//! written from D's logits l with softplus, using −log σ(l) = softplus(−l) and
//! −log(1 − σ(l)) = softplus(l), so a saturated discriminator (|l| in the hundreds) still gives finite
//! losses and gradients.

use burn::nn::{Linear, LinearConfig};
use burn::prelude::*;
use burn::tensor::activation::{leaky_relu, sigmoid, softplus};

/// Fully connected layers, each followed by a leaky ReLU with `negative_slope` (0 is a plain ReLU).
#[derive(Module, Debug)]
pub struct LeakyStack {
    pub layers: Vec<Linear>,
    #[module(skip)]
    pub negative_slope: f64,
}

impl LeakyStack {
    pub fn new(widths: &[usize], negative_slope: f64, device: &Device) -> Self {
        let layers = widths
            .windows(2)
            .map(|w| LinearConfig::new(w[0], w[1]).init(device))
            .collect();
        Self {
            layers,
            negative_slope,
        }
    }

    pub fn forward(&self, mut x: Tensor<2>) -> Tensor<2> {
        for layer in &self.layers {
            x = leaky_relu(layer.forward(x), self.negative_slope);
        }
        x
    }
}

/// `[first, hidden…]`.
fn widths(first: usize, hidden: &[usize]) -> Vec<usize> {
    std::iter::once(first)
        .chain(hidden.iter().copied())
        .collect()
}

#[derive(Config, Debug)]
pub struct GeneratorConfig {
    /// dim(z): the noise the generator maps to a sample (2 to 8 for the toy, 64–100 for digits).
    pub noise: usize,
    /// Hidden widths from the noise side.
    pub hidden: Vec<usize>,
    /// Values per sample: 2 for the toy, 784 for digits.
    pub output: usize,
    /// Slope of the hidden activation below 0: 0 is a ReLU, 0.2 the usual leaky ReLU.
    #[config(default = 0.0)]
    pub negative_slope: f64,
    /// Squash the output into (0, 1) with a sigmoid (pixels); otherwise it is linear (points).
    #[config(default = false)]
    pub sigmoid_output: bool,
}

impl GeneratorConfig {
    /// The toy generator: 2-D points, linear output.
    pub fn toy(noise: usize, hidden: Vec<usize>) -> Self {
        Self::new(noise, hidden, 2)
    }

    /// The digits generator: 784 pixels in (0, 1).
    pub fn digits(noise: usize, hidden: Vec<usize>) -> Self {
        Self::new(noise, hidden, crate::PIXELS).with_sigmoid_output(true)
    }

    pub fn init(&self, device: &Device) -> Generator {
        let widths = widths(self.noise, &self.hidden);
        Generator {
            hidden: LeakyStack::new(&widths, self.negative_slope, device),
            output: LinearConfig::new(*widths.last().unwrap(), self.output).init(device),
            sigmoid_output: self.sigmoid_output,
        }
    }
}

/// G: noise `[n, noise]` → samples `[n, output]`.
#[derive(Module, Debug)]
pub struct Generator {
    pub hidden: LeakyStack,
    pub output: Linear,
    #[module(skip)]
    pub sigmoid_output: bool,
}

impl Generator {
    pub fn forward(&self, z: Tensor<2>) -> Tensor<2> {
        let out = self.output.forward(self.hidden.forward(z));
        if self.sigmoid_output {
            sigmoid(out)
        } else {
            out
        }
    }

    /// dim(z).
    pub fn noise_dim(&self) -> usize {
        self.hidden
            .layers
            .first()
            .unwrap_or(&self.output)
            .weight
            .dims()[0]
    }

    /// Values per sample.
    pub fn output_dim(&self) -> usize {
        self.output.weight.dims()[1]
    }
}

#[derive(Config, Debug)]
pub struct DiscriminatorConfig {
    /// Values per sample (2 or 784).
    pub input: usize,
    /// Hidden widths from the input side.
    pub hidden: Vec<usize>,
    /// Slope of the leaky ReLU below 0 (0.2 as in DCGAN).
    #[config(default = 0.2)]
    pub negative_slope: f64,
}

impl DiscriminatorConfig {
    pub fn init(&self, device: &Device) -> Discriminator {
        let widths = widths(self.input, &self.hidden);
        Discriminator {
            hidden: LeakyStack::new(&widths, self.negative_slope, device),
            output: LinearConfig::new(*widths.last().unwrap(), 1).init(device),
        }
    }
}

/// D: samples `[n, input]` → logits `[n, 1]`; D(x) = σ(logit) is the probability that x is real.
#[derive(Module, Debug)]
pub struct Discriminator {
    pub hidden: LeakyStack,
    pub output: Linear,
}

impl Discriminator {
    pub fn logits(&self, x: Tensor<2>) -> Tensor<2> {
        self.output.forward(self.hidden.forward(x))
    }

    /// D(x) in (0, 1).
    pub fn probability(&self, x: Tensor<2>) -> Tensor<2> {
        sigmoid(self.logits(x))
    }
}

/// −log σ(l), stable for any l.
fn neg_log_sigmoid(logits: Tensor<2>) -> Tensor<2> {
    softplus(logits.neg(), 1.0)
}

/// −log(1 − σ(l)), stable for any l.
fn neg_log_one_minus_sigmoid(logits: Tensor<2>) -> Tensor<2> {
    softplus(logits, 1.0)
}

/// The discriminator's loss −E[log D(x)] − E[log(1 − D(G(z)))]: the binary cross-entropy of calling
/// real samples real and generated ones fake. 2 ln 2 ≈ 1.386 when D cannot tell them apart (D = ½).
pub fn discriminator_loss(real_logits: Tensor<2>, fake_logits: Tensor<2>) -> Tensor<1> {
    neg_log_sigmoid(real_logits).mean() + neg_log_one_minus_sigmoid(fake_logits).mean()
}

/// The non-saturating generator loss −E[log D(G(z))] (Goodfellow et al., 2014, section 3): the
/// one used in practice, because its gradient is large exactly when D rejects G's samples.
pub fn generator_loss_non_saturating(fake_logits: Tensor<2>) -> Tensor<1> {
    neg_log_sigmoid(fake_logits).mean()
}

/// The minimax (saturating) generator loss E[log(1 − D(G(z)))], G's side of the game as written.
/// Shown for teaching: when D confidently rejects the fakes (D(G(z)) ≈ 0) this loss is flat, so G
/// learns almost nothing early in training.
pub fn generator_loss_minimax(fake_logits: Tensor<2>) -> Tensor<1> {
    neg_log_one_minus_sigmoid(fake_logits).mean().neg()
}

/// The mean of D's probabilities σ(l) over a batch: D(real) or D(fake) for the curves.
pub fn mean_probability(logits: Tensor<2>) -> Tensor<1> {
    sigmoid(logits).mean()
}

/// Which generator loss a run trains with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum GeneratorLoss {
    /// −E[log D(G(z))].
    NonSaturating,
    /// E[log(1 − D(G(z)))].
    Minimax,
}

impl GeneratorLoss {
    pub fn of(self, fake_logits: Tensor<2>) -> Tensor<1> {
        match self {
            Self::NonSaturating => generator_loss_non_saturating(fake_logits),
            Self::Minimax => generator_loss_minimax(fake_logits),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_output_ranges() {
        let device = Device::flex();
        let g = GeneratorConfig::digits(8, vec![16]).init(&device);
        assert_eq!((g.noise_dim(), g.output_dim()), (8, 784));
        let x = g.forward(Tensor::<2>::ones([3, 8], &device).mul_scalar(5.0));
        assert_eq!(x.dims(), [3, 784]);
        let v = x.into_data().try_into_vec::<f32>().unwrap();
        assert!(v.iter().all(|&p| p > 0.0 && p < 1.0));
        let toy = GeneratorConfig::toy(2, vec![]).init(&device);
        assert_eq!((toy.noise_dim(), toy.output_dim()), (2, 2));
        let d = DiscriminatorConfig::new(2, vec![4, 4]).init(&device);
        assert_eq!(d.logits(Tensor::zeros([5, 2], &device)).dims(), [5, 1]);
    }
}
