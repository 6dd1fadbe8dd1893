//! Training a GAN step by step: `d_steps` discriminator updates, then one generator update, each
//! player with its own Adam optimiser and learning rate. Like the lab's trainer, a step returns
//! its numbers as detached tensors so the browser can read them back asynchronously; noise comes
//! from the repo's seeded CPU generator, so both engines see the same z.

use burn::module::Module;
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer};
use burn::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::gan::{
    Discriminator, DiscriminatorConfig, Generator, GeneratorConfig, GeneratorLoss,
    discriminator_loss, mean_probability,
};
// The numbers a step reads back are kept with the run's history in `model`, which the GAN file
// stores; the trainer hands them out under its own name too.
pub use crate::model::gan_history::GanValues;
use crate::rng::{seeded, standard_normal_vec};

/// Everything that defines a GAN run (the models, both optimisers, the seed).
#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct GanConfig {
    pub generator: GeneratorConfig,
    pub discriminator: DiscriminatorConfig,
    pub generator_loss: GeneratorLoss,
    pub g_learning_rate: f64,
    pub d_learning_rate: f64,
    /// Adam's β₁ for both players: 0.5 as in DCGAN (Radford et al., 2016); 0.9 is Adam's default,
    /// whose longer momentum makes the game oscillate more.
    pub beta1: f32,
    /// Discriminator updates per generator update.
    pub d_steps: usize,
    /// Samples in the fixed noise batch (an 8 × 8 grid for digits).
    pub fixed_noise: usize,
    pub seed: u64,
}

impl GanConfig {
    pub fn new(generator: GeneratorConfig, discriminator: DiscriminatorConfig) -> Self {
        Self {
            generator,
            discriminator,
            generator_loss: GeneratorLoss::NonSaturating,
            g_learning_rate: 2e-4,
            d_learning_rate: 2e-4,
            beta1: 0.5,
            d_steps: 1,
            fixed_noise: 64,
            seed: 1,
        }
    }

    /// The digits GAN: z ∈ ℝ⁶⁴ → 256 → 512 → 784 sigmoid pixels; D 784 → 512 → 256 → logit.
    /// G learns 5 times faster than D (10⁻³ against 2·10⁻⁴): with both at 2·10⁻⁴ D won from the
    /// start and G stayed collapsed for 2,500 steps (docs/gan.md).
    pub fn digits() -> Self {
        let mut config = Self::new(
            GeneratorConfig::digits(64, vec![256, 512]).with_negative_slope(0.2),
            DiscriminatorConfig::new(crate::PIXELS, vec![512, 256]),
        );
        config.g_learning_rate = 1e-3;
        config
    }
}

/// One step's numbers (detached, one element each): the last D update's loss and mean D(real),
/// D(fake) before that update, and the G loss before G's update.
pub struct GanLosses {
    pub d_loss: Tensor<1>,
    pub g_loss: Tensor<1>,
    pub d_real: Tensor<1>,
    pub d_fake: Tensor<1>,
}

impl GanLosses {
    /// `[d_loss, g_loss, d_real, d_fake]` in one tensor, so one read-back fetches them all.
    pub fn stacked(self) -> Tensor<1> {
        Tensor::cat(vec![self.d_loss, self.g_loss, self.d_real, self.d_fake], 0)
    }

    /// Reads the numbers back (synchronously: native code and the CPU engine).
    pub fn read(self) -> GanValues {
        GanValues::unpack(&self.stacked().into_data().try_into_vec::<f32>().unwrap())
    }
}

/// G's points and the gradient of the G loss with respect to each of them.
pub struct GeneratorArrows {
    /// `[n, 2]` generated points.
    pub points: Tensor<2>,
    /// `[n, 2]` ∂(per-point G loss)/∂point. G moves its points along the negative gradient, so
    /// the view draws arrows from each point towards `point − gradient`.
    pub gradients: Tensor<2>,
}

/// Trains a generator and a discriminator (both on an autodiff device).
pub struct GanTrainer {
    pub config: GanConfig,
    generator: Option<Generator>,
    discriminator: Option<Discriminator>,
    g_optim: ModuleOptimizer,
    d_optim: ModuleOptimizer,
    rng: rand::rngs::StdRng,
    fixed_noise: Vec<f32>,
    steps: usize,
}

impl GanTrainer {
    /// Fresh models for `config` on `device` (made autodiff here), initialised from `config.seed`.
    pub fn new(config: GanConfig, device: &Device) -> Self {
        device.seed(config.seed);
        let device = device.clone().autodiff();
        let generator = config.generator.init(&device);
        let discriminator = config.discriminator.init(&device);
        Self::with_models(config, generator, discriminator)
    }

    /// Resumes training `generator` and `discriminator` (e.g. read from a GAN file, on any device)
    /// after `steps` generator steps: the models are moved to `device.autodiff()` as [`Self::new`]
    /// makes them, with their parameters requiring gradients again.
    ///
    /// A GAN file does not carry the optimisers' state, so both Adam optimisers start fresh (their
    /// first updates are as large as a new run's). The noise stream is reseeded from `config.seed`
    /// and `steps`, so resuming the same models twice gives the same run; it is not the stream the
    /// interrupted run would have drawn next. With `steps == 0` it is exactly [`Self::new`]'s
    /// stream. The fixed noise batch is [`Self::new`]'s, so the grid shows the same z as before.
    pub fn from_models(
        config: GanConfig,
        generator: Generator,
        discriminator: Discriminator,
        steps: usize,
        device: &Device,
    ) -> Self {
        let device = device.clone().autodiff();
        // `fork` keeps a tensor's autodiff association; `train` turns it on and makes every
        // parameter a leaf that requires its gradient again (parameters loaded or `valid()` have
        // it off).
        let generator = generator.fork(&device).train();
        let discriminator = discriminator.fork(&device).train();
        let mut trainer = Self::with_models(config, generator, discriminator);
        trainer.rng = seeded(resumed_seed(trainer.config.seed, steps));
        trainer.steps = steps;
        trainer
    }

    /// A trainer at step 0 for models already on the training device.
    fn with_models(config: GanConfig, generator: Generator, discriminator: Discriminator) -> Self {
        let adam = AdamConfig::new().with_beta_1(config.beta1);
        // A separate stream for the fixed grid, so it does not depend on how long a run trained.
        let fixed_noise = standard_normal_vec(
            &mut seeded(config.seed.wrapping_add(991)),
            config.fixed_noise * config.generator.noise,
        );
        Self {
            generator: Some(generator),
            discriminator: Some(discriminator),
            g_optim: adam.init(),
            d_optim: adam.init(),
            rng: seeded(resumed_seed(config.seed, 0)),
            fixed_noise,
            steps: 0,
            config,
        }
    }

    /// The generator being trained (its parameters are on the autodiff device; saving it with
    /// `store::weights_to_bytes` or `gan::file::encode` writes the same tensors as its `.valid()`).
    pub fn generator(&self) -> &Generator {
        self.generator
            .as_ref()
            .expect("generator is present between steps")
    }

    /// The discriminator being trained (on the autodiff device, like [`Self::generator`]).
    pub fn discriminator(&self) -> &Discriminator {
        self.discriminator
            .as_ref()
            .expect("discriminator is present between steps")
    }

    /// Generator steps done.
    pub fn steps(&self) -> usize {
        self.steps
    }

    fn device(&self) -> Device {
        self.generator().output.weight.device()
    }

    /// `n` fresh noise vectors z ~ N(0, I) from the trainer's seeded stream, `n × noise` values.
    pub fn draw_noise(&mut self, n: usize) -> Vec<f32> {
        standard_normal_vec(&mut self.rng, n * self.config.generator.noise)
    }

    fn noise_tensor(&mut self, n: usize) -> Tensor<2> {
        let z = self.draw_noise(n);
        self.tensor(z, self.config.generator.noise)
    }

    /// `values` (`n × dim`, flat) as a tensor on the training (autodiff) device.
    pub fn tensor(&self, values: Vec<f32>, dim: usize) -> Tensor<2> {
        let n = values.len() / dim;
        Tensor::from_data(TensorData::new(values, [n, dim]), &self.device())
    }

    /// One training step on `real` (`n × dim` values, one sample after another): `d_steps`
    /// discriminator updates on this batch, each against fresh fakes, then one generator update on
    /// `n` fresh fakes.
    pub fn step(&mut self, real: &[f32]) -> GanLosses {
        let dim = self.config.discriminator.input;
        let n = real.len() / dim;
        let real = self.tensor(real.to_vec(), dim);
        let mut last = None;
        for _ in 0..self.config.d_steps.max(1) {
            let z = self.noise_tensor(n);
            last = Some(self.discriminator_step(real.clone(), z));
        }
        let (d_loss, d_real, d_fake) = last.expect("at least one D step");
        let z = self.noise_tensor(n);
        let g_loss = self.generator_step(z);
        self.steps += 1;
        GanLosses {
            d_loss,
            g_loss,
            d_real,
            d_fake,
        }
    }

    /// One discriminator update against real samples `real` and fakes G(`z`) (G held fixed):
    /// returns the D loss, mean D(real) and mean D(fake) before the update (detached).
    pub fn discriminator_step(
        &mut self,
        real: Tensor<2>,
        z: Tensor<2>,
    ) -> (Tensor<1>, Tensor<1>, Tensor<1>) {
        let fake = self.generator().forward(z).detach();
        let d = self.discriminator.take().expect("discriminator present");
        let (real_logits, fake_logits) = (d.logits(real), d.logits(fake));
        let loss = discriminator_loss(real_logits.clone(), fake_logits.clone());
        let grads = GradientsParams::from_grads(loss.backward(), &d);
        self.discriminator = Some(self.d_optim.step(self.config.d_learning_rate, d, grads));
        (
            loss.detach(),
            mean_probability(real_logits.detach()),
            mean_probability(fake_logits.detach()),
        )
    }

    /// One generator update on fakes G(`z`), D held fixed; returns the G loss before the update.
    pub fn generator_step(&mut self, z: Tensor<2>) -> Tensor<1> {
        let g = self.generator.take().expect("generator present");
        let g_loss = self
            .config
            .generator_loss
            .of(self.discriminator().logits(g.forward(z)));
        // Only G's parameters are collected: D's gradients from this pass are dropped.
        let grads = GradientsParams::from_grads(g_loss.backward(), &g);
        self.generator = Some(self.g_optim.step(self.config.g_learning_rate, g, grads));
        g_loss.detach()
    }

    /// The losses and D's means for `real` samples and noise `noise` (flat), without any update.
    pub fn evaluate(&self, real: &[f32], noise: &[f32]) -> GanLosses {
        let (g, d) = (self.generator().valid(), self.discriminator().valid());
        let device = g.output.weight.device();
        let (dim, k) = (self.config.discriminator.input, self.config.generator.noise);
        let real = Tensor::from_data(
            TensorData::new(real.to_vec(), [real.len() / dim, dim]),
            &device,
        );
        let z = Tensor::from_data(
            TensorData::new(noise.to_vec(), [noise.len() / k, k]),
            &device,
        );
        let (real_logits, fake_logits) = (d.logits(real), d.logits(g.forward(z)));
        GanLosses {
            d_loss: discriminator_loss(real_logits.clone(), fake_logits.clone()),
            g_loss: self.config.generator_loss.of(fake_logits.clone()),
            d_real: mean_probability(real_logits),
            d_fake: mean_probability(fake_logits),
        }
    }

    /// G(z) for `noise` (`n × noise` values), without autodiff.
    pub fn sample(&self, noise: &[f32]) -> Tensor<2> {
        let g = self.generator().valid();
        let k = self.config.generator.noise;
        let device = g.output.weight.device();
        g.forward(Tensor::from_data(
            TensorData::new(noise.to_vec(), [noise.len() / k, k]),
            &device,
        ))
    }

    /// The fixed noise batch (`fixed_noise × noise` values): the same z all run long, so a grid of
    /// its samples shows how G's output for the same inputs evolves.
    pub fn fixed_noise(&self) -> &[f32] {
        &self.fixed_noise
    }

    /// G's samples for the fixed noise batch.
    pub fn sample_fixed(&self) -> Tensor<2> {
        self.sample(&self.fixed_noise)
    }

    /// D(x, y) on the grid `ys × xs` (row `i` is `ys[i]`), `[ys.len(), xs.len()]` probabilities:
    /// the toy view's heat map. Only for a 2-D discriminator.
    pub fn discriminator_field(&self, xs: &[f32], ys: &[f32]) -> Tensor<2> {
        assert_eq!(self.config.discriminator.input, 2, "a 2-D discriminator");
        let d = self.discriminator().valid();
        let points: Vec<f32> = ys
            .iter()
            .flat_map(|&y| xs.iter().flat_map(move |&x| [x, y]))
            .collect();
        let device = d.output.weight.device();
        let grid = Tensor::from_data(TensorData::new(points, [xs.len() * ys.len(), 2]), &device);
        d.probability(grid).reshape([ys.len(), xs.len()])
    }

    /// The generator's points for `noise` and the gradient of the G loss with respect to each
    /// point: the arrows of the toy view. The loss is summed over points (not averaged), so a
    /// point's arrow is its own gradient whatever the batch size.
    pub fn generator_gradients(&self, noise: &[f32]) -> GeneratorArrows {
        let points = self.sample(noise).detach();
        let n = points.dims()[0];
        let tracked = points.clone().autodiff().require_grad();
        let logits = self.discriminator().logits(tracked.clone());
        let loss = self.config.generator_loss.of(logits).mul_scalar(n as f64);
        let grads = loss.backward();
        let gradients = tracked.grad(&grads).expect("the points require a gradient");
        GeneratorArrows { points, gradients }
    }
}

/// The seed of the training noise stream after `steps` generator steps: `seed + 77` at the start
/// (as every run so far), another stream for each later step a run may be resumed at.
fn resumed_seed(seed: u64, steps: usize) -> u64 {
    seed.wrapping_add(77)
        .wrapping_add((steps as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Why a run is judged to have failed: the UI turns each into advice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Divergence {
    /// A loss became NaN or infinite (learning rate too high).
    NotFinite,
    /// D separates real from fake perfectly and has for many steps: G's gradient vanishes
    /// (lower D's learning rate or its steps, or raise G's).
    DiscriminatorWins,
}

/// Watches a run's numbers step after step for [`Divergence`].
#[derive(Clone, Debug)]
pub struct DivergenceWatch {
    /// Consecutive steps D must win before the run counts as failed.
    pub patience: usize,
    /// D loss below which D counts as winning.
    pub d_loss_floor: f32,
    /// D(fake) below which D counts as winning.
    pub d_fake_floor: f32,
    winning: usize,
}

impl Default for DivergenceWatch {
    fn default() -> Self {
        Self {
            patience: 200,
            d_loss_floor: 1e-3,
            d_fake_floor: 1e-3,
            winning: 0,
        }
    }
}

impl DivergenceWatch {
    /// The default floors, with D having to win for `patience` consecutive steps.
    pub fn with_patience(patience: usize) -> Self {
        Self {
            patience,
            ..Default::default()
        }
    }

    /// Takes one step's numbers; `Some` once the run has failed.
    pub fn observe(&mut self, v: &GanValues) -> Option<Divergence> {
        if ![v.d_loss, v.g_loss, v.d_real, v.d_fake]
            .iter()
            .all(|x| x.is_finite())
        {
            return Some(Divergence::NotFinite);
        }
        if v.d_loss < self.d_loss_floor && v.d_fake < self.d_fake_floor {
            self.winning += 1;
        } else {
            self.winning = 0;
        }
        (self.winning >= self.patience).then_some(Divergence::DiscriminatorWins)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(d_loss: f32, d_fake: f32) -> GanValues {
        GanValues {
            d_loss,
            g_loss: 5.0,
            d_real: 0.99,
            d_fake,
        }
    }

    #[test]
    fn the_watch_reports_nan_at_once_and_a_winning_d_after_its_patience() {
        let mut w = DivergenceWatch {
            patience: 3,
            ..Default::default()
        };
        assert_eq!(
            w.observe(&values(f32::NAN, 0.5)),
            Some(Divergence::NotFinite)
        );
        assert_eq!(w.observe(&values(1e-4, 1e-4)), None);
        assert_eq!(w.observe(&values(1e-4, 1e-4)), None);
        // A step where G fools D again resets the count.
        assert_eq!(w.observe(&values(0.6, 0.4)), None);
        for _ in 0..2 {
            assert_eq!(w.observe(&values(1e-4, 1e-4)), None);
        }
        assert_eq!(
            w.observe(&values(1e-4, 1e-4)),
            Some(Divergence::DiscriminatorWins)
        );
    }
}
