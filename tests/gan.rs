//! The GAN core: adversarial losses against hand-computed values, one update of each player lowers
//! its own loss, G's gradient arrows against finite differences of D's field, the toy
//! distributions' moments, the presets' mode coverage, and the classifier-free quality measures.

use std::f64::consts::LN_2;

use burn::prelude::*;
use latent_lab::train::gan::{Divergence, DivergenceWatch};
use latent_lab::{
    PIXELS,
    data::Dataset,
    gan::presets::{GanPreset, GanPresetId},
    gan::quality::{diversity, nearest_training_distance},
    gan::settings::{GanMode, GanSettings},
    gan::toy::{Toy, mean_nearest_distance, mode_counts, modes_covered, ring_centres},
    model::gan::{
        DiscriminatorConfig, GeneratorConfig, GeneratorLoss, discriminator_loss,
        generator_loss_minimax, generator_loss_non_saturating, mean_probability,
    },
    rng::{seeded, standard_normal_vec},
    train::gan::{GanConfig, GanTrainer},
};

/// Flex's random initialisation is process-global: tests that initialise models take turns.
fn burn_rng() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn column(v: &[f32]) -> Tensor<2> {
    Tensor::from_data(TensorData::new(v.to_vec(), [v.len(), 1]), &Device::flex())
}

fn value(t: Tensor<1>) -> f64 {
    t.into_scalar::<f32>() as f64
}

fn values(t: Tensor<2>) -> Vec<f32> {
    t.into_data().try_into_vec::<f32>().unwrap()
}

fn softplus(x: f64) -> f64 {
    (1.0 + x.exp()).ln()
}

#[test]
fn losses_at_logit_zero_are_log_two() {
    let zero = column(&[0.0, 0.0, 0.0]);
    // D = ½ everywhere: −log ½ − log ½ = 2 ln 2.
    assert!((value(discriminator_loss(zero.clone(), zero.clone())) - 2.0 * LN_2).abs() < 1e-6);
    assert!((value(generator_loss_non_saturating(zero.clone())) - LN_2).abs() < 1e-6);
    assert!((value(generator_loss_minimax(zero.clone())) + LN_2).abs() < 1e-6);
    assert!((value(mean_probability(zero)) - 0.5).abs() < 1e-7);
}

#[test]
fn losses_of_a_known_pair_of_batches_by_hand() {
    let (real, fake) = ([2.0f32, -1.0], [0.0f32, 3.0]);
    let sigma = |l: f32| 1.0 / (1.0 + (-(l as f64)).exp());
    // −mean log σ(real) − mean log(1 − σ(fake)), written with the probabilities.
    let d_by_hand = -(sigma(2.0).ln() + sigma(-1.0).ln()) / 2.0
        - ((1.0 - sigma(0.0)).ln() + (1.0 - sigma(3.0)).ln()) / 2.0;
    // The same with softplus: softplus(−2) + softplus(1) over 2, softplus(0) + softplus(3) over 2.
    let d_softplus = (softplus(-2.0) + softplus(1.0)) / 2.0 + (softplus(0.0) + softplus(3.0)) / 2.0;
    assert!((d_by_hand - d_softplus).abs() < 1e-12);
    let got = value(discriminator_loss(column(&real), column(&fake)));
    assert!((got - d_by_hand).abs() < 1e-5, "{got} vs {d_by_hand}");

    let ns = -(sigma(0.0).ln() + sigma(3.0).ln()) / 2.0;
    assert!((value(generator_loss_non_saturating(column(&fake))) - ns).abs() < 1e-5);
    let minimax = ((1.0 - sigma(0.0)).ln() + (1.0 - sigma(3.0)).ln()) / 2.0;
    assert!((value(generator_loss_minimax(column(&fake))) - minimax).abs() < 1e-5);
    let mean_d = (sigma(2.0) + sigma(-1.0)) / 2.0;
    assert!((value(mean_probability(column(&real))) - mean_d).abs() < 1e-6);
}

#[test]
fn losses_stay_finite_for_a_saturated_discriminator() {
    // D sure and right: no loss for D; G's non-saturating loss is the logit's size, the minimax
    // one is flat at 0 (its vanishing gradient is why G trains with the other).
    let (real, fake) = (column(&[100.0]), column(&[-100.0]));
    assert!(value(discriminator_loss(real, fake.clone())).abs() < 1e-6);
    assert!((value(generator_loss_non_saturating(fake.clone())) - 100.0).abs() < 1e-3);
    assert!(value(generator_loss_minimax(fake)).abs() < 1e-6);
}

fn toy_trainer(seed: u64) -> GanTrainer {
    let mut config = GanConfig::new(
        GeneratorConfig::toy(2, vec![16]),
        DiscriminatorConfig::new(2, vec![16]),
    );
    config.seed = seed;
    config.g_learning_rate = 1e-2;
    config.d_learning_rate = 1e-2;
    GanTrainer::new(config, &Device::flex())
}

#[test]
fn one_update_of_each_player_lowers_its_own_loss_on_the_same_batch() {
    let _burn = burn_rng();
    let mut trainer = toy_trainer(3);
    let real = Toy::Ring {
        modes: 8,
        radius: 2.0,
        sigma: 0.1,
    }
    .sample(64, &mut seeded(4));
    let noise = standard_normal_vec(&mut seeded(5), 64 * 2);
    let before = trainer.evaluate(&real, &noise).read();

    let (r, z) = (
        trainer.tensor(real.clone(), 2),
        trainer.tensor(noise.clone(), 2),
    );
    let reported = value(trainer.discriminator_step(r, z.clone()).0);
    assert!(
        (reported - before.d_loss as f64).abs() < 1e-5,
        "the loss before the update"
    );
    let after_d = trainer.evaluate(&real, &noise).read();
    assert!(after_d.d_loss < before.d_loss, "{before:?} → {after_d:?}");

    // G's step leaves D as it is, so the D loss on real samples alone does not move.
    trainer.generator_step(z);
    let after_g = trainer.evaluate(&real, &noise).read();
    assert!(after_g.g_loss < after_d.g_loss, "{after_d:?} → {after_g:?}");
    assert_eq!(after_g.d_real, after_d.d_real);
}

#[test]
fn generator_arrows_are_the_gradient_of_minus_log_d_on_the_field() {
    let _burn = burn_rng();
    let mut trainer = toy_trainer(6);
    let mut rng = seeded(7);
    for _ in 0..20 {
        trainer.step(&Toy::Moons { noise: 0.05 }.sample(64, &mut rng));
    }
    let noise = standard_normal_vec(&mut seeded(8), 5 * 2);
    let arrows = trainer.generator_gradients(&noise);
    let (points, grads) = (values(arrows.points), values(arrows.gradients));
    assert_eq!(points, values(trainer.sample(&noise)));
    // The per-point loss −log D(p), by central differences of D's field.
    let h = 1e-2f32;
    let loss = |x: f32, y: f32| -(values(trainer.discriminator_field(&[x], &[y]))[0] as f64).ln();
    for (p, g) in points.chunks(2).zip(grads.chunks(2)) {
        let dx = (loss(p[0] + h, p[1]) - loss(p[0] - h, p[1])) / (2.0 * h as f64);
        let dy = (loss(p[0], p[1] + h) - loss(p[0], p[1] - h)) / (2.0 * h as f64);
        let scale = dx.abs().max(dy.abs()).max(1e-3);
        assert!(
            (g[0] as f64 - dx).abs() < 0.05 * scale && (g[1] as f64 - dy).abs() < 0.05 * scale,
            "autodiff {g:?} vs finite differences ({dx}, {dy})"
        );
    }
    // The field's rows are ys and its columns xs.
    let field = trainer.discriminator_field(&[-1.0, 0.0, 1.0], &[5.0, -5.0]);
    assert_eq!(field.dims(), [2, 3]);
    let field = values(field);
    assert_eq!(
        field[5],
        values(trainer.discriminator_field(&[1.0], &[-5.0]))[0]
    );
    assert!(field.iter().all(|&p| p > 0.0 && p < 1.0));
}

fn mean_of(points: &[f32]) -> [f32; 2] {
    let n = (points.len() / 2) as f32;
    let sx: f32 = points.iter().step_by(2).sum();
    let sy: f32 = points.iter().skip(1).step_by(2).sum();
    [sx / n, sy / n]
}

#[test]
fn toy_distributions_have_their_mean_radius_and_spread() {
    let mut rng = seeded(1);
    let n = 8000;
    let ring = Toy::Ring {
        modes: 8,
        radius: 2.0,
        sigma: 0.1,
    }
    .sample(n, &mut rng);
    let centres = ring_centres(8, 2.0);
    assert!((centres[2][1] - 2.0).abs() < 1e-6 && centres[2][0].abs() < 1e-6);
    let [mx, my] = mean_of(&ring);
    assert!(mx.abs() < 0.05 && my.abs() < 0.05, "ring mean ({mx}, {my})");
    let radius: f32 = ring.chunks(2).map(|p| p[0].hypot(p[1])).sum::<f32>() / n as f32;
    assert!((radius - 2.0).abs() < 0.02, "mean radius {radius}");
    // Spread around the nearest centre: E‖p − c‖² = 2σ² for an isotropic 2-D Gaussian.
    let sq: f32 = ring
        .chunks(2)
        .map(|p| {
            centres
                .iter()
                .map(|c| (p[0] - c[0]).powi(2) + (p[1] - c[1]).powi(2))
                .fold(f32::INFINITY, f32::min)
        })
        .sum::<f32>()
        / n as f32;
    assert!((sq - 0.02).abs() < 0.002, "mean squared spread {sq}");
    let counts = mode_counts(&ring, &centres, 0.5);
    assert!(
        counts.iter().all(|&c| (850..1150).contains(&c)),
        "{counts:?}"
    );
    assert_eq!(modes_covered(&ring, &centres, 0.5), 8);

    // Two moons, centred on the origin, within their unit half circles.
    let moons = Toy::Moons { noise: 0.0 }.sample(n, &mut rng);
    let [mx, my] = mean_of(&moons);
    assert!(
        mx.abs() < 0.03 && my.abs() < 0.03,
        "moons mean ({mx}, {my})"
    );
    assert!(moons.chunks(2).all(|p| {
        let upper = (p[0] + 0.5).hypot(p[1] + 0.25);
        let lower = (p[0] - 0.5).hypot(p[1] - 0.25);
        (upper - 1.0).abs() < 1e-4 || (lower - 1.0).abs() < 1e-4
    }));

    // A line from (−1, 0) to (3, 0): mean at its middle, variance L²/12 along it, σ² across.
    let line = Toy::Line {
        from: [-1.0, 0.0],
        to: [3.0, 0.0],
        noise: 0.05,
    }
    .sample(n, &mut rng);
    let [mx, my] = mean_of(&line);
    assert!(
        (mx - 1.0).abs() < 0.05 && my.abs() < 0.01,
        "line mean ({mx}, {my})"
    );
    let var_x: f32 = line
        .iter()
        .step_by(2)
        .map(|x| (x - mx).powi(2))
        .sum::<f32>()
        / n as f32;
    let var_y: f32 = line.iter().skip(1).step_by(2).map(|y| y * y).sum::<f32>() / n as f32;
    assert!((var_x - 16.0 / 12.0).abs() < 0.05, "variance along {var_x}");
    assert!((var_y - 0.0025).abs() < 0.0005, "variance across {var_y}");

    // Drawn points: a mixture around each, equally often.
    let drawn = Toy::Drawn {
        points: vec![[0.0, 0.0], [1.0, 1.0]],
        sigma: 0.05,
    }
    .sample(n, &mut rng);
    let counts = mode_counts(&drawn, &[[0.0, 0.0], [1.0, 1.0]], 0.25);
    assert_eq!(counts.iter().sum::<usize>(), n);
    assert!(
        counts.iter().all(|&c| (3800..4200).contains(&c)),
        "{counts:?}"
    );
}

#[test]
fn modes_covered_ignores_a_few_stray_points() {
    let centres = ring_centres(4, 1.0);
    // 97 points on the first centre and one on each of the others: one mode.
    let mut samples = [1.0f32, 0.0].repeat(97);
    for c in &centres[1..] {
        samples.extend_from_slice(c);
    }
    assert_eq!(modes_covered(&samples, &centres, 0.1), 1);
}

/// Trains `preset` for `steps` and returns the modes its fixed noise batch covers (radius 0.5).
fn modes_after(id: GanPresetId, seed: u64, steps: usize) -> usize {
    let mut preset = GanPreset::new(id);
    preset.config.seed = seed;
    let mut trainer = GanTrainer::new(preset.config.clone(), &Device::flex());
    let mut rng = seeded(seed + 5);
    for _ in 0..steps {
        trainer.step(&preset.toy.sample(preset.batch_size, &mut rng));
    }
    let samples = values(trainer.sample_fixed());
    assert!(samples.iter().all(|v| v.is_finite()));
    modes_covered(&samples, &ring_centres(8, 2.0), 0.5)
}

#[test]
fn the_balanced_preset_covers_the_ring_and_the_collapse_preset_does_not() {
    let _burn = burn_rng();
    let start = std::time::Instant::now();
    let balanced = modes_after(GanPresetId::RingBalanced, 1, 1500);
    let collapsed = modes_after(GanPresetId::ModeCollapse, 1, 1000);
    let fixed = modes_after(GanPresetId::ModeCollapseFixed, 1, 1000);
    eprintln!(
        "modes covered: balanced {balanced}, collapse {collapsed}, fixed {fixed} ({:.1} s)",
        start.elapsed().as_secs_f32()
    );
    assert!(balanced >= 6, "balanced covers {balanced} of 8");
    assert!(collapsed <= 3, "collapse covers {collapsed} of 8");
    assert!(fixed >= 6, "fixed covers {fixed} of 8");
}

/// The GAN view's toy session, as the browser runs it on the CPU engine: its settings' models,
/// its stream of real batches, its fixed draw of target samples.
#[test]
fn the_views_balanced_run_pulls_gs_points_onto_the_ring() {
    let _burn = burn_rng();
    let s = GanSettings::from_preset(GanPresetId::RingBalanced);
    let mut trainer = GanTrainer::new(s.config(GanMode::Toy), &Device::flex());
    let (toy, mut stream) = (s.toy(), s.toy_stream());
    let target = toy.sample(256, &mut seeded(s.seed));
    let mut distances = Vec::new();
    for step in 1..=1500 {
        trainer.step(&toy.sample(s.batch_size, &mut stream));
        if step == 1 || step == 1500 {
            distances.push(mean_nearest_distance(
                &values(trainer.sample_fixed()),
                &target,
            ));
        }
    }
    eprintln!("mean distance to the ring: {distances:?}");
    assert!(
        distances[0] > 1.0,
        "G starts away from the ring: {distances:?}"
    );
    assert!(distances[1] < 0.25, "and ends on it: {distances:?}");
}

#[test]
fn diversity_and_nearest_distance_on_real_and_copied_digits() {
    let data = Dataset::load_bundled().unwrap();
    let samples = data.train.batch(&(0..100).collect::<Vec<_>>());
    let reference = data.train.batch(&(100..200).collect::<Vec<_>>());
    let real = diversity(&samples, &reference, PIXELS);
    assert!(
        (0.9..1.1).contains(&real),
        "real digits against real digits: {real}"
    );
    let repeated = data.train.image(7).repeat(100);
    assert_eq!(diversity(&repeated, &reference, PIXELS), 0.0);

    let train = data.train.batch(&(0..1000).collect::<Vec<_>>());
    // Copies of training digits are at distance 0: the copying check.
    assert_eq!(
        nearest_training_distance(&samples[..10 * PIXELS], &train, PIXELS),
        0.0
    );
    // Unseen real digits are not.
    let unseen = data.test.batch(&(0..10).collect::<Vec<_>>());
    let d = nearest_training_distance(&unseen, &train, PIXELS);
    eprintln!("diversity of real digits {real}, nearest distance of test digits {d}");
    assert!(d > 2.0 && d < 10.0, "nearest distance of test digits {d}");
}

#[test]
fn the_digits_gan_trains_on_mnist_without_diverging() {
    let _burn = burn_rng();
    let data = Dataset::load_bundled().unwrap();
    let mut trainer = GanTrainer::new(GanConfig::digits(), &Device::flex());
    for step in 0..5 {
        let batch: Vec<usize> = (step * 32..(step + 1) * 32).collect();
        let v = trainer.step(&data.train.batch(&batch)).read();
        assert!(
            [v.d_loss, v.g_loss, v.d_real, v.d_fake]
                .iter()
                .all(|x| x.is_finite()),
            "{v:?}"
        );
    }
    let grid = trainer.sample_fixed();
    assert_eq!(grid.dims(), [64, PIXELS]);
    assert!(values(grid).iter().all(|&p| p > 0.0 && p < 1.0));
}

#[test]
fn a_run_repeats_exactly_for_its_seed() {
    let _burn = burn_rng();
    let run = |seed: u64| {
        let mut trainer = toy_trainer(seed);
        let mut rng = seeded(seed);
        let ring = GanPreset::new(GanPresetId::RingBalanced).toy;
        let losses: Vec<_> = (0..5)
            .map(|_| trainer.step(&ring.sample(32, &mut rng)).read())
            .collect();
        (losses, values(trainer.sample_fixed()))
    };
    assert_eq!(run(11), run(11));
    assert_ne!(run(11).1, run(12).1);
}

#[test]
fn the_watch_sees_a_discriminator_that_wins_against_a_frozen_generator() {
    let _burn = burn_rng();
    let mut trainer = toy_trainer(9);
    // G does not learn; D separates the ring from G's blob near the origin completely.
    trainer.config.g_learning_rate = 0.0;
    trainer.config.d_learning_rate = 3e-2;
    let mut watch = DivergenceWatch::with_patience(20);
    let ring = GanPreset::new(GanPresetId::RingBalanced).toy;
    let mut rng = seeded(10);
    let verdict =
        (0..1500).find_map(|_| watch.observe(&trainer.step(&ring.sample(64, &mut rng)).read()));
    eprintln!("D wins after {} steps", trainer.steps());
    assert_eq!(verdict, Some(Divergence::DiscriminatorWins));

    // Why G trains with the non-saturating loss: against a D this sure, the minimax loss's
    // gradient at G's points is smaller by the factor σ(l)/σ(−l) = e^l (l ≪ 0).
    let noise = standard_normal_vec(&mut seeded(11), 32 * 2);
    let norm = |trainer: &GanTrainer| {
        let g = values(trainer.generator_gradients(&noise).gradients);
        g.chunks(2).map(|v| v[0].hypot(v[1])).sum::<f32>() / 32.0
    };
    let non_saturating = norm(&trainer);
    trainer.config.generator_loss = GeneratorLoss::Minimax;
    let minimax = norm(&trainer);
    eprintln!("mean arrow length: non-saturating {non_saturating}, minimax {minimax}");
    assert!(non_saturating > 0.1, "{non_saturating}");
    assert!(
        minimax < 0.01 * non_saturating,
        "{minimax} vs {non_saturating}"
    );
}

#[test]
fn a_gan_config_survives_a_round_trip_through_json() {
    let mut config = GanPreset::new(GanPresetId::ModeCollapse).config;
    config.generator_loss = GeneratorLoss::Minimax;
    let json = serde_json::to_string(&config).unwrap();
    let back: GanConfig = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    assert_eq!(back.generator.noise, 2);
    assert_eq!(back.d_learning_rate, 5e-4);
}

/// A longer run for the record (about two minutes on two cores): the digits GAN's quality
/// measures as it trains. Run with `cargo test --test gan -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement of a few minutes, not a check"]
fn the_digits_gan_measured_over_training() {
    let _burn = burn_rng();
    let data = Dataset::load_bundled().unwrap();
    let mut trainer = GanTrainer::new(GanConfig::digits(), &Device::flex());
    let train = data.train.batch(&(0..2000).collect::<Vec<_>>());
    let reference = data.train.batch(&(2000..2064).collect::<Vec<_>>());
    let start = std::time::Instant::now();
    let (steps, batch) = (3000, 64);
    for step in 0..steps {
        let indices: Vec<usize> = (0..batch).map(|i| (step * batch + i) % 8000).collect();
        let v = trainer.step(&data.train.batch(&indices)).read();
        if (step + 1) % 500 == 0 {
            let samples = values(trainer.sample_fixed());
            eprintln!(
                "step {}: {v:?}, diversity {:.2}, nearest distance {:.2} ({:.0} s)",
                step + 1,
                diversity(&samples, &reference, PIXELS),
                nearest_training_distance(&samples, &train, PIXELS),
                start.elapsed().as_secs_f32()
            );
        }
    }
}
