//! Seeded randomness that gives the same numbers natively and in the browser.
//!
//! Everything random that a student can reproduce (the data split, corruptions, the VAE's ε) is
//! drawn from [`seeded`] on the CPU, never from a backend's generator, so that the CPU and WebGPU
//! engines see identical inputs.

use rand::{RngExt, SeedableRng, rngs::StdRng};

/// A portable, seeded generator (ChaCha-based `StdRng`).
pub fn seeded(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

/// One draw from the standard normal distribution N(0, 1) (Box–Muller).
pub fn standard_normal(rng: &mut StdRng) -> f32 {
    // 1 − u keeps the logarithm's argument in (0, 1].
    let u1: f64 = 1.0 - rng.random::<f64>();
    let u2: f64 = rng.random::<f64>();
    ((-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()) as f32
}

/// `n` independent draws from N(0, 1).
pub fn standard_normal_vec(rng: &mut StdRng, n: usize) -> Vec<f32> {
    (0..n).map(|_| standard_normal(rng)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let a = standard_normal_vec(&mut seeded(7), 100);
        let b = standard_normal_vec(&mut seeded(7), 100);
        assert_eq!(a, b);
        assert_ne!(a, standard_normal_vec(&mut seeded(8), 100));
    }

    #[test]
    fn normal_draws_have_unit_spread() {
        let v = standard_normal_vec(&mut seeded(1), 20_000);
        let mean = v.iter().sum::<f32>() / v.len() as f32;
        let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f32>() / v.len() as f32;
        assert!(mean.abs() < 0.03, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "variance {var}");
    }
}
