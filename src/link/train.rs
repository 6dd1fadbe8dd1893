//! The training lab's configuration in a link: one key per setting, each read within the limits
//! of `LabConfig::validate` and the form (out-of-range values are clamped and said so).
//!
//! | key | setting | format and range |
//! | --- | --- | --- |
//! | `kind` | the model | `ae`, `vae`, `denoising`, `sparse_l1`, `sparse_kl`, `contractive`, `linear` |
//! | `beta` | the VAE's KL weight β | 0 to 100 |
//! | `sigma` | the denoising AE's training noise σ | 0 to 1 |
//! | `lambda` | a penalty's weight λ (sparse L1, sparse KL, contractive) | 0 to 100 |
//! | `rho` | the sparse KL target activation ρ | 0.001 to 0.999 |
//! | `hidden` | encoder hidden widths from the input | `256,128`; empty for none; 1 to 2048 each, at most 8 |
//! | `latent` | dim(h) | 1 to 1024 |
//! | `act` | the hidden layers' activation | `relu`, `tanh`, `sigmoid` (`identity` for a linear model) |
//! | `lr` | Adam's learning rate | 0.000001 to 1 |
//! | `batch` | batch size | 1 to 1024 |
//! | `epochs` | epochs | 1 to 1000 |
//! | `seed` | the seed of initialisation and batch order | 0 to 4294967295 |
//!
//! A link keeps every weight, also those the chosen kind does not use: the kind takes its own.

use std::ops::RangeInclusive;

use super::Issue;
use crate::model::lab::{Activation, KindParam, LabConfig, LabKind};
use crate::slug::Slug;

/// The most hidden layers a link may ask for (a longer list is cut, and said so).
pub const MAX_LAYERS: usize = 8;
pub const HIDDEN: RangeInclusive<u64> = 1..=2048;
pub const LATENT: RangeInclusive<u64> = 1..=1024;
pub const LEARNING_RATE: RangeInclusive<f64> = 1e-6..=1.0;
pub const BATCH: RangeInclusive<u64> = 1..=1024;
pub const EPOCHS: RangeInclusive<u64> = 1..=1000;
pub const SEED: RangeInclusive<u64> = 0..=u32::MAX as u64;

pub use super::value::{real, write_real};

/// The link key of a kind's weight.
pub fn weight_key(param: KindParam) -> &'static str {
    match param {
        KindParam::Beta => "beta",
        KindParam::Sigma => "sigma",
        KindParam::Lambda => "lambda",
        KindParam::Rho => "rho",
    }
}

/// A weight within the form's range. σ is kept as the model keeps it (`f32`).
pub fn read_weight(param: KindParam, text: &str) -> Result<(f64, Option<Issue>), Issue> {
    let (lo, hi) = param.range();
    let (value, issue) = real(text, lo..=hi)?;
    Ok(match param {
        KindParam::Sigma => (value as f32 as f64, issue),
        _ => (value, issue),
    })
}

pub fn write_weight(param: KindParam, value: f64) -> String {
    match param {
        KindParam::Sigma => format!("{}", value as f32),
        _ => write_real(value),
    }
}

/// Every weight of every kind, as a link keeps them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    pub beta: f64,
    pub sigma: f64,
    pub lambda: f64,
    pub rho: f64,
}

impl Weights {
    pub const ALL: [KindParam; 4] = [
        KindParam::Beta,
        KindParam::Sigma,
        KindParam::Lambda,
        KindParam::Rho,
    ];

    /// The lab's default weights.
    pub fn defaults() -> Self {
        let mut w = Self {
            beta: 0.0,
            sigma: 0.0,
            lambda: 0.0,
            rho: 0.0,
        };
        for kind in LabKind::defaults() {
            w = w.with_kind(&kind);
        }
        w
    }

    pub fn get(&self, param: KindParam) -> f64 {
        match param {
            KindParam::Beta => self.beta,
            KindParam::Sigma => self.sigma,
            KindParam::Lambda => self.lambda,
            KindParam::Rho => self.rho,
        }
    }

    pub fn set(&mut self, param: KindParam, value: f64) {
        match param {
            KindParam::Beta => self.beta = value,
            KindParam::Sigma => self.sigma = value,
            KindParam::Lambda => self.lambda = value,
            KindParam::Rho => self.rho = value,
        }
    }

    /// These weights with those of `kind` replaced by its own.
    pub fn with_kind(mut self, kind: &LabKind) -> Self {
        for &p in kind.params() {
            if let Some(v) = kind.param(p) {
                self.set(p, v);
            }
        }
        self
    }

    /// `kind` with these weights.
    pub fn apply(&self, kind: &LabKind) -> LabKind {
        let mut kind = kind.clone();
        for &p in kind.clone().params() {
            kind.set_param(p, self.get(p));
        }
        kind
    }
}

/// A kind by its slug (its weights come from [`Weights`]).
pub fn read_kind(text: &str) -> Result<(LabKind, Option<Issue>), Issue> {
    LabKind::from_slug(text.trim())
        .map(|k| (k, None))
        .ok_or(Issue::Malformed)
}

/// An activation by its slug; `identity` too, which a linear model's configuration may hold.
pub fn read_activation(text: &str) -> Result<(Activation, Option<Issue>), Issue> {
    let text = text.trim();
    Activation::from_slug(text)
        .or((text == Activation::Identity.slug()).then_some(Activation::Identity))
        .map(|a| (a, None))
        .ok_or(Issue::Malformed)
}

/// Hidden widths, `256,128` (spaces allowed, empty for none): each clamped to 1 to 2048, at most
/// [`MAX_LAYERS`] of them.
pub fn read_hidden(text: &str) -> Result<(Vec<usize>, Option<Issue>), Issue> {
    let mut widths = Vec::new();
    let mut adjusted = false;
    for piece in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (w, issue) = super::value::whole(piece, HIDDEN)?;
        adjusted |= issue.is_some();
        widths.push(w as usize);
    }
    if widths.len() > MAX_LAYERS {
        widths.truncate(MAX_LAYERS);
        adjusted = true;
    }
    let issue = adjusted.then(|| Issue::Clamped(write_hidden(&widths)));
    Ok((widths, issue))
}

pub fn write_hidden(hidden: &[usize]) -> String {
    hidden
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// A whole number in `range`, as a `usize`.
pub fn read_count(text: &str, range: RangeInclusive<u64>) -> Result<(usize, Option<Issue>), Issue> {
    super::value::whole(text, range).map(|(v, issue)| (v as usize, issue))
}

/// `config` as a link can hold it: every setting within the limits above (a form may hold more:
/// nine hidden layers, a width the run will refuse, an imported seed past 32 bits). Writing the
/// result and reading it back gives it again, so the URL and the settings can never chase each
/// other.
pub fn normalize(config: &LabConfig) -> LabConfig {
    let whole = |v: usize, range: RangeInclusive<u64>| {
        (v as u64).clamp(*range.start(), *range.end()) as usize
    };
    let mut kind = config.kind.clone();
    for &p in config.kind.params() {
        if let Some(v) = config.kind.param(p) {
            let (lo, hi) = p.range();
            let v = if v.is_finite() { v.clamp(lo, hi) } else { lo };
            kind.set_param(p, v);
        }
    }
    let learning_rate = if config.learning_rate.is_finite() {
        config
            .learning_rate
            .clamp(*LEARNING_RATE.start(), *LEARNING_RATE.end())
    } else {
        *LEARNING_RATE.start()
    };
    LabConfig {
        kind,
        hidden: config
            .hidden
            .iter()
            .take(MAX_LAYERS)
            .map(|&w| whole(w, HIDDEN))
            .collect(),
        latent: whole(config.latent, LATENT),
        activation: config.activation,
        learning_rate,
        batch_size: whole(config.batch_size, BATCH),
        epochs: whole(config.epochs, EPOCHS),
        seed: config.seed.clamp(*SEED.start(), *SEED.end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_round_trips() {
        for preset in crate::train::presets::presets() {
            assert_eq!(
                through_a_link(&preset.config),
                preset.config,
                "{}",
                preset.slug
            );
            assert_eq!(normalize(&preset.config), preset.config, "{}", preset.slug);
        }
    }

    #[test]
    fn odd_weights_round_trip_exactly() {
        for v in [0.3, 0.123_456_789, 1e-3, 2e-3, 0.999] {
            let (back, _) =
                read_weight(KindParam::Lambda, &write_weight(KindParam::Lambda, v)).unwrap();
            assert_eq!(back, v);
        }
        // σ lives as an f32 in the model: 0.3 reads back as the model's 0.3.
        let sigma = 0.3f32 as f64;
        assert_eq!(write_weight(KindParam::Sigma, sigma), "0.3");
        assert_eq!(read_weight(KindParam::Sigma, "0.3"), Ok((sigma, None)));
        let kind = Weights::defaults().apply(&LabKind::Denoising { sigma: 0.9 });
        assert_eq!(kind, LabKind::Denoising { sigma: 0.5 });
    }

    #[test]
    fn out_of_range_values_are_clamped_and_garbage_refused() {
        assert_eq!(
            read_weight(KindParam::Rho, "2"),
            Ok((0.999, Some(Issue::Clamped("0.999".into()))))
        );
        assert_eq!(
            real("0", LEARNING_RATE),
            Ok((1e-6, Some(Issue::Clamped("0.000001".into()))))
        );
        assert_eq!(
            read_count("5000", LATENT),
            Ok((1024, Some(Issue::Clamped("1024".into()))))
        );
        assert_eq!(read_count("0", BATCH).unwrap().0, 1);
        assert_eq!(
            read_count("99999999999", SEED).unwrap().0,
            u32::MAX as usize
        );
        for bad in ["", "x", "NaN", "inf", "-1e999"] {
            assert_eq!(real(bad, LEARNING_RATE), Err(Issue::Malformed), "{bad}");
        }
        assert_eq!(read_kind("gan"), Err(Issue::Malformed));
        assert_eq!(read_activation("softmax"), Err(Issue::Malformed));
        assert_eq!(
            read_activation("identity"),
            Ok((Activation::Identity, None))
        );
    }

    /// Writes every setting of `c` and reads the texts back, as a link does.
    fn through_a_link(c: &LabConfig) -> LabConfig {
        let w = Weights::defaults().with_kind(&c.kind);
        let mut back = Weights::defaults();
        for p in Weights::ALL {
            back.set(p, read_weight(p, &write_weight(p, w.get(p))).unwrap().0);
        }
        LabConfig {
            kind: back.apply(&read_kind(c.kind.slug()).unwrap().0),
            hidden: read_hidden(&write_hidden(&c.hidden)).unwrap().0,
            latent: read_count(&c.latent.to_string(), LATENT).unwrap().0,
            activation: read_activation(c.activation.slug()).unwrap().0,
            learning_rate: real(&write_real(c.learning_rate), LEARNING_RATE).unwrap().0,
            batch_size: read_count(&c.batch_size.to_string(), BATCH).unwrap().0,
            epochs: read_count(&c.epochs.to_string(), EPOCHS).unwrap().0,
            seed: read_count(&c.seed.to_string(), SEED).unwrap().0 as u64,
        }
    }

    #[test]
    fn a_normalized_configuration_survives_a_link_exactly() {
        let odd = LabConfig {
            kind: LabKind::SparseKl {
                rho: 5.0,
                lambda: f64::NAN,
            },
            hidden: vec![5000; 12],
            latent: 4096,
            activation: Activation::Identity,
            learning_rate: 0.0,
            batch_size: 0,
            epochs: 100_000,
            seed: u64::MAX,
        };
        let n = normalize(&odd);
        assert_eq!(n.hidden, vec![2048; MAX_LAYERS]);
        assert_eq!(
            n.kind,
            LabKind::SparseKl {
                rho: 0.999,
                lambda: 0.0
            }
        );
        assert_eq!(through_a_link(&n), n);
        assert_eq!(normalize(&n), n);
        let sigma = LabConfig {
            kind: LabKind::Denoising { sigma: 0.3 },
            learning_rate: 0.000_123_4,
            ..LabConfig::default()
        };
        assert_eq!(
            normalize(&sigma),
            sigma,
            "a valid configuration is unchanged"
        );
        assert_eq!(through_a_link(&sigma), sigma);
    }

    #[test]
    fn hidden_widths_are_clamped_and_limited() {
        assert_eq!(read_hidden(""), Ok((vec![], None)));
        assert_eq!(read_hidden("256, 64"), Ok((vec![256, 64], None)));
        assert_eq!(
            read_hidden("0,5000"),
            Ok((vec![1, 2048], Some(Issue::Clamped("1,2048".into()))))
        );
        let long = vec!["8"; 1000].join(",");
        let (widths, issue) = read_hidden(&long).unwrap();
        assert_eq!(widths.len(), MAX_LAYERS);
        assert!(issue.is_some());
        assert_eq!(read_hidden("256,x"), Err(Issue::Malformed));
        assert_eq!(read_hidden("-3"), Err(Issue::Malformed));
        assert_eq!(write_hidden(&[256, 128]), "256,128");
    }
}
