//! The training lab's presets: configurations that each show one idea of the course. Their
//! names and hints are translation keys (`train.ftl`).

use crate::i18n::tk;
use crate::model::lab::{Activation, LabConfig, LabKind};

pub struct Preset {
    pub slug: &'static str,
    /// The translation key of its name.
    pub title: &'static str,
    /// The translation key of what to look for while it trains.
    pub hint: &'static str,
    pub config: LabConfig,
}

pub fn presets() -> Vec<Preset> {
    let base = LabConfig::default();
    vec![
        Preset {
            slug: "undercomplete-2d",
            title: tk("train-preset-undercomplete-2d"),
            hint: tk("train-preset-undercomplete-2d-hint"),
            config: LabConfig {
                hidden: vec![256, 64],
                latent: 2,
                epochs: 5,
                ..base.clone()
            },
        },
        Preset {
            slug: "overcomplete",
            title: tk("train-preset-overcomplete"),
            hint: tk("train-preset-overcomplete-hint"),
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
            title: tk("train-preset-sparse"),
            hint: tk("train-preset-sparse-hint"),
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
            title: tk("train-preset-denoising"),
            hint: tk("train-preset-denoising-hint"),
            config: LabConfig {
                kind: LabKind::Denoising { sigma: 0.5 },
                hidden: vec![256],
                latent: 32,
                ..base.clone()
            },
        },
        Preset {
            slug: "contractive",
            title: tk("train-preset-contractive"),
            hint: tk("train-preset-contractive-hint"),
            config: LabConfig {
                kind: LabKind::Contractive { lambda: 0.1 },
                hidden: vec![256],
                latent: 64,
                ..base.clone()
            },
        },
        Preset {
            slug: "beta-vae",
            title: tk("train-preset-beta-vae"),
            hint: tk("train-preset-beta-vae-hint"),
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

    #[test]
    fn presets_and_the_lab_s_counts_read_in_both_languages() {
        use crate::i18n::{Lang, Text, num};
        for p in presets() {
            for key in [p.title, p.hint] {
                let (en, ro) = (
                    Text::new(key).in_lang(Lang::En),
                    Text::new(key).in_lang(Lang::Ro),
                );
                assert!(en != key && ro != key, "{key}: {en} / {ro}");
            }
        }
        let chart = |steps: usize, lang| {
            Text::new("train-chart-description")
                .with("steps", steps)
                .with("train", num(123.456, 2))
                .in_lang(lang)
        };
        assert_eq!(
            chart(1, Lang::En),
            "Loss chart: 1 step; the latest training loss is 123.46."
        );
        assert!(chart(3, Lang::Ro).contains("3 pași;"));
        assert!(chart(2814, Lang::Ro).contains("2.814 de pași;"));
        assert!(chart(2814, Lang::Ro).contains("123,46."));
        let latent = Text::new("train-latent-over").with("latent", 1024usize);
        assert!(latent.in_lang(Lang::En).contains("= 1024 (overcomplete)"));
    }
}
