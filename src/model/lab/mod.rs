//! The training lab's configurable autoencoder: every kind of the course (plain, variational,
//! denoising, sparse with L1 or KL, contractive, linear) as one `Config` and one `Module`, with
//! its loss beside it.

mod kind;
mod loss;

use burn::nn::{Linear, LinearConfig};
use burn::prelude::*;
use burn::tensor::activation::sigmoid;
use serde::{Deserialize, Serialize};

use super::vae::Vae;
use crate::i18n::{Arg, Decimals, Text};
pub use kind::{Activation, KindParam, LabKind, format_hidden, parse_hidden};
pub use loss::{LabLoss, contractive_penalty, kl_sparsity_penalty, l1_penalty};

/// Everything that defines a lab run.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct LabConfig {
    pub kind: LabKind,
    /// Encoder hidden widths from the input side (mirrored by the decoder).
    pub hidden: Vec<usize>,
    /// dim(h), 1 to 1024: below 784 undercomplete, from 784 overcomplete.
    pub latent: usize,
    pub activation: Activation,
    pub learning_rate: f64,
    pub batch_size: usize,
    pub epochs: usize,
    pub seed: u64,
}

impl Default for LabConfig {
    fn default() -> Self {
        Self {
            kind: LabKind::Ae,
            hidden: vec![256],
            latent: 16,
            activation: Activation::Relu,
            learning_rate: 2e-3,
            batch_size: 64,
            epochs: 5,
            seed: 1,
        }
    }
}

/// The largest lab model in weights and biases: 10 million parameters make a 40 MB file, which
/// the browser saves every few seconds while training and imports below its file-size limit.
pub const MAX_PARAMETERS: u64 = 10_000_000;

impl LabConfig {
    /// Checks the ranges the lab allows; the error is a sentence for the UI.
    pub fn validate(&self) -> Result<(), Text> {
        if !(1..=1024).contains(&self.latent) {
            return Err(Text::new("config-bad-latent").with("value", self.latent));
        }
        if let Some(&w) = self.hidden.iter().find(|w| !(1..=2048).contains(*w)) {
            return Err(Text::new("config-bad-hidden").with("value", w));
        }
        if self.parameter_count() > MAX_PARAMETERS {
            return Err(Text::new("config-too-large")
                .with("value", self.parameter_count())
                .with("limit", MAX_PARAMETERS));
        }
        if !(self.learning_rate > 0.0 && self.learning_rate <= 1.0) {
            return Err(Text::new("config-bad-learning-rate")
                .with("value", Arg::Num(self.learning_rate, Decimals::UpTo(6))));
        }
        if !(1..=1024).contains(&self.batch_size) {
            return Err(Text::new("config-bad-batch").with("value", self.batch_size));
        }
        if !(1..=1000).contains(&self.epochs) {
            return Err(Text::new("config-bad-epochs").with("value", self.epochs));
        }
        Ok(())
    }

    /// The encoder's hidden widths actually built: a contractive autoencoder has a one-layer
    /// encoder, so that its penalty ‖∂h/∂x‖² has the closed form of Rifai et al. (2011); the
    /// linear autoencoder is the lecture's PCA network, whose only hidden layer is the code.
    pub fn encoder_hidden(&self) -> &[usize] {
        match self.kind {
            LabKind::Contractive { .. } | LabKind::Linear => &[],
            _ => &self.hidden,
        }
    }

    /// The decoder's hidden widths, mirrored (none for the linear autoencoder).
    pub fn decoder_hidden(&self) -> &[usize] {
        if self.kind.uses_hidden_widths() {
            &self.hidden
        } else {
            &[]
        }
    }

    fn hidden_activation(&self) -> Activation {
        if self.kind == LabKind::Linear {
            Activation::Identity
        } else {
            self.activation
        }
    }

    fn code_activation(&self) -> Activation {
        match self.kind {
            LabKind::SparseL1 { .. } => Activation::Relu,
            LabKind::SparseKl { .. } | LabKind::Contractive { .. } => Activation::Sigmoid,
            _ => Activation::Identity,
        }
    }

    /// The parameters [`LabConfig::init`] builds, counted without building them: a model file's
    /// weights are compared with it before any memory is allocated for the model.
    pub fn parameter_count(&self) -> u64 {
        crate::model::layers::autoencoder_parameters(
            crate::PIXELS,
            self.encoder_hidden(),
            self.latent,
            if self.kind.is_vae() { 2 } else { 1 },
            self.decoder_hidden(),
            crate::PIXELS,
        )
    }

    pub fn init(&self, device: &Device) -> LabNet {
        let mut widths = vec![crate::PIXELS];
        widths.extend(self.encoder_hidden());
        let layers = |w: &[usize]| -> Vec<Linear> {
            w.windows(2)
                .map(|p| LinearConfig::new(p[0], p[1]).init(device))
                .collect()
        };
        let last = *widths.last().unwrap();
        let mut dec_widths = vec![self.latent];
        dec_widths.extend(self.decoder_hidden().iter().rev());
        let dec_last = *dec_widths.last().unwrap();
        LabNet {
            encoder: layers(&widths),
            code: LinearConfig::new(last, self.latent).init(device),
            log_var: self
                .kind
                .is_vae()
                .then(|| LinearConfig::new(last, self.latent).init(device)),
            decoder: layers(&dec_widths),
            output: LinearConfig::new(dec_last, crate::PIXELS).init(device),
            activation: self.hidden_activation(),
            code_activation: self.code_activation(),
            linear_output: self.kind == LabKind::Linear,
        }
    }
}

#[derive(Module, Debug)]
pub struct LabNet {
    pub encoder: Vec<Linear>,
    /// The code h (or the VAE's μ).
    pub code: Linear,
    /// The VAE's log σ² head.
    pub log_var: Option<Linear>,
    pub decoder: Vec<Linear>,
    pub output: Linear,
    #[module(skip)]
    pub activation: Activation,
    #[module(skip)]
    pub code_activation: Activation,
    /// The linear autoencoder outputs pixels directly (no sigmoid) and trains on squared error.
    #[module(skip)]
    pub linear_output: bool,
}

/// One forward pass, with what the losses need.
pub struct LabForward {
    /// The code h (the VAE's μ).
    pub code: Tensor<2>,
    pub log_var: Option<Tensor<2>>,
    /// The decoder's pre-sigmoid output (its pixels for the linear autoencoder).
    pub logits: Tensor<2>,
}

impl LabNet {
    fn hidden(&self, mut x: Tensor<2>) -> Tensor<2> {
        for layer in &self.encoder {
            x = self.activation.apply(layer.forward(x));
        }
        x
    }

    /// h = f(x) (the VAE's μ).
    pub fn encode(&self, x: Tensor<2>) -> Tensor<2> {
        self.code_activation
            .apply(self.code.forward(self.hidden(x)))
    }

    pub fn decode_logits(&self, mut h: Tensor<2>) -> Tensor<2> {
        for layer in &self.decoder {
            h = self.activation.apply(layer.forward(h));
        }
        self.output.forward(h)
    }

    /// Reconstructed pixels from codes.
    pub fn decode(&self, h: Tensor<2>) -> Tensor<2> {
        let out = self.decode_logits(h);
        if self.linear_output {
            out
        } else {
            sigmoid(out)
        }
    }

    /// The training pass; `eps` (the VAE's noise, `[n, latent]`) is used only by a VAE.
    pub fn forward(&self, x: Tensor<2>, eps: Option<Tensor<2>>) -> LabForward {
        let hidden = self.hidden(x);
        let code = self
            .code_activation
            .apply(self.code.forward(hidden.clone()));
        let log_var = self.log_var.as_ref().map(|l| l.forward(hidden));
        let z = match (&log_var, eps) {
            (Some(lv), Some(eps)) => Vae::reparameterize(code.clone(), lv.clone(), eps),
            _ => code.clone(),
        };
        LabForward {
            logits: self.decode_logits(z),
            code,
            log_var,
        }
    }

    /// The deterministic reconstruction g(f(x)) (g(μ) for a VAE).
    pub fn reconstruct(&self, x: Tensor<2>) -> Tensor<2> {
        self.decode(self.encode(x))
    }

    pub fn latent(&self) -> usize {
        self.code.weight.dims()[1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slug::Slug;

    #[test]
    fn a_model_past_the_parameter_limit_is_refused_before_it_is_built() {
        let default = LabConfig::default();
        assert!(default.validate().is_ok());
        let huge = LabConfig {
            hidden: vec![2048; 4],
            ..LabConfig::default()
        };
        assert!(huge.parameter_count() > MAX_PARAMETERS);
        let why = huge.validate().unwrap_err();
        assert_eq!(why.key, "config-too-large");
    }

    #[test]
    fn parameters_are_counted_as_init_builds_them() {
        let device = Device::flex();
        for kind in LabKind::defaults() {
            let config = LabConfig {
                kind: kind.clone(),
                hidden: vec![8, 4],
                latent: 3,
                ..LabConfig::default()
            };
            assert_eq!(
                config.parameter_count(),
                config.init(&device).num_params() as u64,
                "{kind:?}"
            );
        }
        let absurd = LabConfig {
            hidden: vec![usize::MAX; 3],
            ..LabConfig::default()
        };
        assert_eq!(absurd.parameter_count(), u64::MAX, "saturates");
    }

    #[test]
    fn kinds_and_activations_round_trip_through_their_slugs() {
        for kind in LabKind::defaults() {
            assert_eq!(LabKind::from_slug(kind.slug()), Some(kind));
        }
        assert_eq!(LabKind::from_slug("vea"), None, "a typo is not a kind");
        for a in Activation::CHOICES {
            assert_eq!(Activation::from_slug(a.slug()), Some(a));
        }
        assert_eq!(
            Activation::from_slug("identity"),
            None,
            "not a student's choice"
        );
        assert_eq!(format_hidden(&[256, 64]), "256, 64");
        assert_eq!(parse_hidden(&format_hidden(&[256, 64])), Ok(vec![256, 64]));
    }

    #[test]
    fn each_kind_edits_exactly_its_own_weights() {
        for kind in LabKind::defaults() {
            for &p in kind.params() {
                assert!(kind.param(p).is_some(), "{kind:?} has {p:?}");
            }
        }
        let mut kl = LabKind::from_slug("sparse_kl").unwrap();
        assert!(kl.set_param(KindParam::Rho, 0.2));
        assert!(kl.set_param(KindParam::Lambda, 3.0));
        assert_eq!(
            kl,
            LabKind::SparseKl {
                rho: 0.2,
                lambda: 3.0
            }
        );
        let mut ae = LabKind::Ae;
        assert!(!ae.set_param(KindParam::Beta, 2.0));
        assert_eq!(ae.param(KindParam::Beta), None);
        assert!(!LabKind::Linear.uses_activation());
        assert!(!LabKind::Linear.uses_hidden_widths());
        let linear = LabConfig {
            kind: LabKind::Linear,
            hidden: vec![256],
            ..LabConfig::default()
        };
        assert!(linear.encoder_hidden().is_empty() && linear.decoder_hidden().is_empty());
    }
}
