//! The fully connected autoencoder: h = f(x), r = g(h) = g(f(x)).

use burn::nn::{Linear, LinearConfig};
use burn::prelude::*;
use burn::tensor::activation::sigmoid;

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
    /// Values the decoder outputs, when not `input` (the colourisation autoencoder outputs 3 × 784).
    #[config(default = "None")]
    pub output: Option<usize>,
    /// The decoder's output is linear (no sigmoid), as in the lecture's linear autoencoder
    /// ("linear decoder + MSE ⇒ PCA's subspace"); with no hidden layer the whole model is linear.
    #[config(default = false)]
    pub linear_output: bool,
}

impl AutoencoderConfig {
    pub fn init(&self, device: &Device) -> Autoencoder {
        let widths = encoder_widths(self.input, &self.hidden);
        Autoencoder {
            encoder: ReluStack::new(&widths, device),
            code: LinearConfig::new(*widths.last().unwrap(), self.latent).init(device),
            decoder: Decoder::new(
                self.latent,
                &self.hidden,
                self.output.unwrap_or(self.input),
                device,
            ),
            linear_output: self.linear_output,
        }
    }
}

#[derive(Module, Debug)]
pub struct Autoencoder {
    pub encoder: ReluStack,
    /// The last encoder layer is linear, so codes can take any value.
    pub code: Linear,
    pub decoder: Decoder,
    /// The decoder's output has no sigmoid (see [`AutoencoderConfig::linear_output`]).
    #[module(skip)]
    pub linear_output: bool,
}

impl Autoencoder {
    /// The encoder f: images `[batch, 784]` → codes h `[batch, latent]`.
    pub fn encode(&self, x: Tensor<2>) -> Tensor<2> {
        self.code.forward(self.encoder.forward(x))
    }

    /// The decoder g: codes → reconstructions in (0, 1) (any real values for a linear output).
    pub fn decode(&self, h: Tensor<2>) -> Tensor<2> {
        let out = self.decoder.logits(h);
        if self.linear_output {
            out
        } else {
            sigmoid(out)
        }
    }

    /// r = g(f(x)).
    pub fn forward(&self, x: Tensor<2>) -> Tensor<2> {
        self.decode(self.encode(x))
    }

    /// Pre-sigmoid reconstruction, for the cross-entropy loss (the output itself when linear).
    pub fn forward_logits(&self, x: Tensor<2>) -> Tensor<2> {
        self.decoder.logits(self.encode(x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device() -> Device {
        Device::flex()
    }

    #[test]
    fn the_default_autoencoder_is_unchanged() {
        let model = AutoencoderConfig::new(vec![8], 2)
            .with_input(6)
            .init(&device());
        assert!(!model.linear_output);
        assert_eq!(model.decoder.output.weight.dims(), [8, 6]);
        let x = Tensor::<2>::from_data([[4.0, -3.0, 2.0, 0.5, 9.0, -7.0]], &device());
        let r: Vec<f32> = model.forward(x).into_data().try_into_vec::<f32>().unwrap();
        assert!(r.iter().all(|&v| v > 0.0 && v < 1.0), "sigmoid pixels");
    }

    #[test]
    fn a_linear_autoencoder_has_no_activation_anywhere() {
        let model = AutoencoderConfig::new(vec![], 2)
            .with_input(3)
            .with_linear_output(true)
            .init(&device());
        assert!(model.encoder.layers.is_empty() && model.decoder.hidden.layers.is_empty());
        // Linear plus bias: r(a·x) − r(0) = a·(r(x) − r(0)), also for a = −5 (no clipping).
        let run = |v: [f32; 3]| -> Vec<f32> {
            let x = Tensor::<2>::from_data([v], &device());
            model.forward(x).into_data().try_into_vec::<f32>().unwrap()
        };
        let (zero, one, scaled) = (
            run([0.0; 3]),
            run([1.0, -2.0, 0.5]),
            run([-5.0, 10.0, -2.5]),
        );
        for i in 0..3 {
            let expected = -5.0 * (one[i] - zero[i]);
            assert!((scaled[i] - zero[i] - expected).abs() < 1e-4 * (1.0 + expected.abs()));
        }
    }

    #[test]
    fn the_output_can_be_wider_than_the_input() {
        let model = AutoencoderConfig::new(vec![5], 2)
            .with_input(4)
            .with_output(Some(12))
            .init(&device());
        let x = Tensor::<2>::zeros([3, 4], &device());
        assert_eq!(model.forward(x).dims(), [3, 12]);
    }
}
