//! The training lab's presets: configurations that each show one idea of the course.

use crate::model::lab::{Activation, LabConfig, LabKind};

pub struct Preset {
    pub slug: &'static str,
    pub title: &'static str,
    /// What to look for while it trains.
    pub hint: &'static str,
    pub config: LabConfig,
}

pub fn presets() -> Vec<Preset> {
    let base = LabConfig::default();
    vec![
        Preset {
            slug: "undercomplete-2d",
            title: "Undercomplete, 2-D latent",
            hint: "dim(h) = 2 < 784: watch the latent map, where the classes pull apart into clusters as training goes on.",
            config: LabConfig {
                hidden: vec![256, 64],
                latent: 2,
                epochs: 5,
                ..base.clone()
            },
        },
        Preset {
            slug: "overcomplete",
            title: "Overcomplete without regularisation",
            hint: "dim(h) = 1024 ≥ 784 and nothing stops it from copying: the loss drops fast and even noise reconstructs well, because it learns (close to) the identity.",
            config: LabConfig {
                hidden: vec![],
                latent: 1024,
                activation: Activation::Relu,
                epochs: 2,
                learning_rate: 1e-3,
                ..base.clone()
            },
        },
        Preset {
            slug: "sparse",
            title: "Sparse (KL towards ρ = 0.05)",
            hint: "64 code units, but the penalty Σ KL(ρ ‖ ρ̂_j) keeps each one's mean activation near 5%: few units fire for any digit. Watch the penalty curve fall.",
            config: LabConfig {
                kind: LabKind::SparseKl {
                    rho: 0.05,
                    lambda: 1.0,
                },
                hidden: vec![256],
                latent: 64,
                ..base.clone()
            },
        },
        Preset {
            slug: "denoising",
            title: "Denoising (σ = 0.5)",
            hint: "Trained on x̃ = x + n with n ~ N(0, σ²), σ = 0.5, it must output the clean x. Use it in the noise lab with \u{201c}use the trained model\u{201d}.",
            config: LabConfig {
                kind: LabKind::Denoising { sigma: 0.5 },
                hidden: vec![256],
                latent: 32,
                ..base.clone()
            },
        },
        Preset {
            slug: "contractive",
            title: "Contractive (λ = 0.1)",
            hint: "The penalty λ‖∂h/∂x‖² makes the code insensitive to small changes of x; the encoder is one sigmoid layer, as in Rifai et al.",
            config: LabConfig {
                kind: LabKind::Contractive { lambda: 0.1 },
                hidden: vec![256],
                latent: 64,
                ..base.clone()
            },
        },
        Preset {
            slug: "beta-vae",
            title: "β-VAE, β = 4",
            hint: "β = 4 weighs the KL term four times: codes crowd towards N(0, I), the 2-D map fills evenly, reconstructions get blurrier.",
            config: LabConfig {
                kind: LabKind::Vae { beta: 4.0 },
                hidden: vec![256, 64],
                latent: 2,
                ..base
            },
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_a_valid_configuration() {
        for p in presets() {
            assert!(p.config.validate().is_ok(), "{}", p.slug);
        }
        assert_eq!(presets().len(), 6);
    }
}
