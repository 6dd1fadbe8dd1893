//! What the GAN view's form edits: the target (toy mode), the noise size, each player's learning
//! rate, D steps per G step, the generator's loss, the batch and the seed. One struct serves both
//! modes (the digits mode ignores the target); it is checked before a run and turned into the
//! trainer's [`GanConfig`] here, so the rules are tested natively.

use serde::{Deserialize, Serialize};

use super::presets::{GanPreset, GanPresetId, ring_of_eight};
use super::toy::Toy;
use crate::i18n::{Arg, Decimals, Text, tk};
use crate::model::gan::{DiscriminatorConfig, GeneratorConfig, GeneratorLoss};
use crate::train::gan::GanConfig;

/// Which of the two things the view trains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GanMode {
    /// 2-D points (GAN Lab's idea): small MLPs, every step visible.
    Toy,
    /// 28 × 28 digits from the bundled training split.
    Digits,
}

// Its name in test ids, file names and storage keys.
crate::slugs!(GanMode {
    Toy: "toy";
    Digits: "digits";
});

/// The toy mode's target distributions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToyTarget {
    Ring,
    Moons,
    Line,
    /// The points the student drew.
    Drawn,
}

// The `<option>` value.
crate::slugs!(ToyTarget {
    Ring: "ring";
    Moons: "moons";
    Line: "line";
    Drawn: "drawn";
});

// The generator loss's `<option>` value and name (the form's menu; a typo chooses nothing).
crate::slugs!(GeneratorLoss {
    NonSaturating: "non-saturating", tk("gan-g-loss-non-saturating");
    Minimax: "minimax", tk("gan-g-loss-minimax");
});

/// Spread of the Gaussians around each drawn point.
pub const DRAWN_SIGMA: f32 = 0.15;
/// At most this many drawn points are kept (the oldest go first).
pub const MAX_DRAWN: usize = 400;

/// Hidden widths of the toy players (both), and of the digits players the browser trains: smaller
/// than the shipped GAN's (`GanConfig::digits`, 256–512) so a step stays well under a frame's
/// budget on the CPU engine (measured by the benchmark in the README).
pub const TOY_HIDDEN: [usize; 2] = [64, 64];
pub const DIGITS_G_HIDDEN: [usize; 2] = [128, 256];
pub const DIGITS_D_HIDDEN: [usize; 2] = [256, 128];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GanSettings {
    pub target: ToyTarget,
    /// The student's points (toy mode, `ToyTarget::Drawn`), in the plot's coordinates.
    pub drawn: Vec<[f32; 2]>,
    /// Dimensions of the noise z.
    pub noise: usize,
    pub g_learning_rate: f64,
    pub d_learning_rate: f64,
    /// Discriminator updates per generator update.
    pub d_steps: usize,
    pub generator_loss: GeneratorLoss,
    pub batch_size: usize,
    pub seed: u64,
}

impl GanSettings {
    /// A toy preset's settings (its target is the ring of eight).
    pub fn from_preset(id: GanPresetId) -> Self {
        let p = GanPreset::new(id);
        Self {
            target: ToyTarget::Ring,
            drawn: Vec::new(),
            noise: p.config.generator.noise,
            g_learning_rate: p.config.g_learning_rate,
            d_learning_rate: p.config.d_learning_rate,
            d_steps: p.config.d_steps,
            generator_loss: p.config.generator_loss,
            batch_size: p.batch_size,
            seed: p.config.seed,
        }
    }

    /// The defaults of a mode: the balanced ring for the toy; for digits the learning rates of
    /// `GanConfig::digits` (G five times faster than D, docs/gan.md).
    pub fn default_for(mode: GanMode) -> Self {
        match mode {
            GanMode::Toy => Self::from_preset(GanPresetId::RingBalanced),
            GanMode::Digits => {
                let c = GanConfig::digits();
                Self {
                    target: ToyTarget::Ring,
                    drawn: Vec::new(),
                    noise: c.generator.noise,
                    g_learning_rate: c.g_learning_rate,
                    d_learning_rate: c.d_learning_rate,
                    d_steps: c.d_steps,
                    generator_loss: c.generator_loss,
                    batch_size: 64,
                    seed: 1,
                }
            }
        }
    }

    /// Which preset these settings are, if any (the preset buttons show it pressed).
    pub fn preset(&self) -> Option<GanPresetId> {
        [
            GanPresetId::RingBalanced,
            GanPresetId::ModeCollapse,
            GanPresetId::ModeCollapseFixed,
        ]
        .into_iter()
        .find(|&id| {
            let p = Self::from_preset(id);
            // A preset ignores the drawn points.
            Self {
                drawn: self.drawn.clone(),
                ..p
            } == *self
        })
    }

    /// Checks every field's range; the error is a sentence for the form.
    pub fn validate(&self, mode: GanMode) -> Result<(), Text> {
        let noise_limit = match mode {
            GanMode::Toy => 16,
            GanMode::Digits => 128,
        };
        if !(1..=noise_limit).contains(&self.noise) {
            return Err(Text::new("gan-bad-noise")
                .with("value", self.noise)
                .with("limit", noise_limit));
        }
        for rate in [self.g_learning_rate, self.d_learning_rate] {
            if !(rate > 0.0 && rate <= 0.1) {
                return Err(Text::new("gan-bad-learning-rate")
                    .with("value", Arg::Num(rate, Decimals::UpTo(6))));
            }
        }
        if !(1..=10).contains(&self.d_steps) {
            return Err(Text::new("gan-bad-d-steps").with("value", self.d_steps));
        }
        if !(1..=512).contains(&self.batch_size) {
            return Err(Text::new("gan-bad-batch").with("value", self.batch_size));
        }
        if mode == GanMode::Toy && self.target == ToyTarget::Drawn && self.drawn.len() < 2 {
            return Err(Text::new("gan-draw-first"));
        }
        Ok(())
    }

    /// The distribution toy mode learns.
    pub fn toy(&self) -> Toy {
        match self.target {
            ToyTarget::Ring => ring_of_eight(),
            ToyTarget::Moons => Toy::Moons { noise: 0.08 },
            ToyTarget::Line => Toy::Line {
                from: [-2.0, -1.5],
                to: [2.0, 1.5],
                noise: 0.05,
            },
            ToyTarget::Drawn => Toy::Drawn {
                points: self.drawn.clone(),
                sigma: DRAWN_SIGMA,
            },
        }
    }

    /// The stream the toy's real batches are drawn from, one after another: seeded apart from the
    /// models (`seed + 5`, as `tests/gan.rs` measures the presets), so a run repeats exactly.
    pub fn toy_stream(&self) -> rand::rngs::StdRng {
        self.toy_stream_from(0)
    }

    /// The stream for a run resumed after `steps` steps (from a file): seeded from the step, so
    /// resuming the same file twice draws the same batches. Step 0 is the start's stream.
    pub fn toy_stream_from(&self, steps: usize) -> rand::rngs::StdRng {
        let resumed = (steps as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        crate::rng::seeded(self.seed.wrapping_add(5) ^ resumed)
    }

    /// The trainer's configuration for `mode`.
    pub fn config(&self, mode: GanMode) -> GanConfig {
        let mut c = match mode {
            GanMode::Toy => GanConfig::new(
                GeneratorConfig::toy(self.noise, TOY_HIDDEN.to_vec()),
                DiscriminatorConfig::new(2, TOY_HIDDEN.to_vec()),
            ),
            GanMode::Digits => {
                let mut c = GanConfig::digits();
                c.generator = GeneratorConfig::digits(self.noise, DIGITS_G_HIDDEN.to_vec())
                    .with_negative_slope(0.2);
                c.discriminator = DiscriminatorConfig::new(crate::PIXELS, DIGITS_D_HIDDEN.to_vec());
                c
            }
        };
        c.g_learning_rate = self.g_learning_rate;
        c.d_learning_rate = self.d_learning_rate;
        c.d_steps = self.d_steps;
        c.generator_loss = self.generator_loss;
        c.seed = self.seed;
        c.fixed_noise = match mode {
            GanMode::Toy => 256,
            GanMode::Digits => 64,
        };
        c
    }

    /// Whether `other` trains the same models the same way: only the toy's target differs (the
    /// data the game is played on, which may change between steps).
    pub fn same_models(&self, other: &GanSettings) -> bool {
        let models = |s: &GanSettings| GanSettings {
            target: ToyTarget::Ring,
            drawn: Vec::new(),
            ..s.clone()
        };
        models(self) == models(other)
    }

    /// Whether saved settings can be shown again: valid, or only waiting for a drawing.
    pub fn restorable(&self, mode: GanMode) -> bool {
        match self.validate(mode) {
            Ok(()) => true,
            Err(why) => why.key == "gan-draw-first",
        }
    }

    /// Adds a drawn point, keeping the newest `MAX_DRAWN`.
    pub fn add_drawn(&mut self, p: [f32; 2]) {
        self.drawn.push(p);
        if self.drawn.len() > MAX_DRAWN {
            self.drawn.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_round_trip_and_make_the_presets_configuration() {
        for p in GanPreset::all() {
            let s = GanSettings::from_preset(p.id);
            assert_eq!(s.preset(), Some(p.id));
            assert!(s.validate(GanMode::Toy).is_ok());
            let c = s.config(GanMode::Toy);
            assert_eq!(c.generator.noise, p.config.generator.noise);
            assert_eq!(c.generator.hidden, p.config.generator.hidden);
            assert_eq!(c.discriminator.hidden, p.config.discriminator.hidden);
            assert_eq!(
                (c.g_learning_rate, c.d_learning_rate, c.d_steps),
                (
                    p.config.g_learning_rate,
                    p.config.d_learning_rate,
                    p.config.d_steps
                )
            );
            assert_eq!(s.toy(), p.toy);
        }
        let mut changed = GanSettings::from_preset(GanPresetId::ModeCollapse);
        changed.d_steps = 2;
        assert_eq!(changed.preset(), None);
    }

    #[test]
    fn validation_names_the_bad_field() {
        let ok = GanSettings::default_for(GanMode::Digits);
        assert!(ok.validate(GanMode::Digits).is_ok());
        let key = |s: GanSettings, mode| s.validate(mode).unwrap_err().key;
        assert_eq!(
            key(
                GanSettings {
                    noise: 0,
                    ..ok.clone()
                },
                GanMode::Digits
            ),
            "gan-bad-noise"
        );
        assert_eq!(
            key(
                GanSettings {
                    noise: 64,
                    ..ok.clone()
                },
                GanMode::Toy
            ),
            "gan-bad-noise"
        );
        assert_eq!(
            key(
                GanSettings {
                    g_learning_rate: f64::NAN,
                    ..ok.clone()
                },
                GanMode::Digits
            ),
            "gan-bad-learning-rate"
        );
        assert_eq!(
            key(
                GanSettings {
                    d_steps: 11,
                    ..ok.clone()
                },
                GanMode::Digits
            ),
            "gan-bad-d-steps"
        );
        assert_eq!(
            key(
                GanSettings {
                    batch_size: 0,
                    ..ok.clone()
                },
                GanMode::Digits
            ),
            "gan-bad-batch"
        );
        let mut drawn = GanSettings::default_for(GanMode::Toy);
        drawn.target = ToyTarget::Drawn;
        drawn.noise = 2;
        assert_eq!(key(drawn.clone(), GanMode::Toy), "gan-draw-first");
        drawn.add_drawn([0.0, 0.0]);
        drawn.add_drawn([1.0, 1.0]);
        assert!(drawn.validate(GanMode::Toy).is_ok());
        // The digits mode has no target: a drawing left empty does not matter there.
        drawn.drawn.clear();
        assert!(drawn.validate(GanMode::Digits).is_ok());
    }

    #[test]
    fn digits_settings_build_the_browser_sized_models() {
        let c = GanSettings::default_for(GanMode::Digits).config(GanMode::Digits);
        assert_eq!(c.generator.noise, 64);
        assert_eq!(c.generator.output, crate::PIXELS);
        assert_eq!(c.generator.hidden, DIGITS_G_HIDDEN.to_vec());
        assert_eq!(c.discriminator.input, crate::PIXELS);
        assert_eq!(c.fixed_noise, 64);
        assert_eq!(c.g_learning_rate, 1e-3);
    }

    #[test]
    fn the_target_does_not_change_the_models() {
        let a = GanSettings::default_for(GanMode::Toy);
        let mut b = a.clone();
        b.target = ToyTarget::Drawn;
        b.add_drawn([1.0, 2.0]);
        assert!(a.same_models(&b));
        assert!(b.restorable(GanMode::Toy), "a drawing in progress is kept");
        b.g_learning_rate = 0.5;
        assert!(!a.same_models(&b));
        assert!(!b.restorable(GanMode::Toy));
    }

    #[test]
    fn a_resumed_toy_stream_repeats_and_step_zero_is_the_start() {
        use rand::RngExt;
        let s = GanSettings::default_for(GanMode::Toy);
        let first = |mut r: rand::rngs::StdRng| r.random::<u64>();
        assert_eq!(first(s.toy_stream_from(0)), first(s.toy_stream()));
        assert_eq!(first(s.toy_stream_from(700)), first(s.toy_stream_from(700)));
        assert_ne!(first(s.toy_stream_from(700)), first(s.toy_stream()));
    }

    #[test]
    fn drawing_keeps_the_newest_points() {
        let mut s = GanSettings::default_for(GanMode::Toy);
        for i in 0..MAX_DRAWN + 5 {
            s.add_drawn([i as f32, 0.0]);
        }
        assert_eq!(s.drawn.len(), MAX_DRAWN);
        assert_eq!(s.drawn[0], [5.0, 0.0]);
        assert_eq!(
            s.toy(),
            Toy::Ring {
                modes: 8,
                radius: 2.0,
                sigma: 0.2
            }
        );
    }

    #[test]
    fn the_form_menus_read_their_own_values_and_refuse_a_typo() {
        use crate::slug::{Slug, Titled};
        for loss in GeneratorLoss::ALL {
            assert_eq!(GeneratorLoss::from_slug(loss.slug()), Some(loss));
        }
        assert_eq!(
            GeneratorLoss::from_slug("minimax"),
            Some(GeneratorLoss::Minimax)
        );
        assert_eq!(
            GeneratorLoss::from_slug("non-saturating"),
            Some(GeneratorLoss::NonSaturating)
        );
        assert_eq!(
            GeneratorLoss::from_slug("minmax"),
            None,
            "a typo is not a loss"
        );
        assert_eq!(GeneratorLoss::Minimax.title_key(), "gan-g-loss-minimax");
        for target in ToyTarget::ALL {
            assert_eq!(ToyTarget::from_slug(target.slug()), Some(target));
        }
        assert_eq!(ToyTarget::from_slug("rings"), None);
        assert_eq!(GanMode::from_slug("digits"), Some(GanMode::Digits));
    }
}
