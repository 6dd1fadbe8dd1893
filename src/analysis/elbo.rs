//! The two terms of a VAE's loss (the negative ELBO) for one digit, as the draw view shows them:
//! the reconstruction term, the binary cross-entropy of the decoded image summed over the pixels,
//! and the KL divergence of q(z|x) = N(μ, σ²) from the prior N(0, I), dimension by dimension.

/// Probabilities are kept this far from 0 and 1, so a saturated pixel costs a large but finite
/// amount instead of log 0.
const EPS: f64 = 1e-7;

/// −Σₖ [xₖ log rₖ + (1 − xₖ) log(1 − rₖ)] in nats: the reconstruction term of the ELBO for a
/// Bernoulli decoder with means `r`, summed over the pixels.
pub fn binary_cross_entropy(x: &[f32], r: &[f32]) -> f64 {
    x.iter()
        .zip(r)
        .map(|(&x, &r)| {
            let (x, r) = (x as f64, (r as f64).clamp(EPS, 1.0 - EPS));
            -(x * r.ln() + (1.0 - x) * (1.0 - r).ln())
        })
        .sum()
}

/// ½ (μⱼ² + σⱼ² − log σⱼ² − 1) for each latent dimension j: its share of KL(N(μ, σ²) ‖ N(0, I)).
pub fn gaussian_kl_per_dim(mu: &[f32], log_var: &[f32]) -> Vec<f64> {
    mu.iter()
        .zip(log_var)
        .map(|(&m, &lv)| {
            let (m, lv) = (m as f64, lv as f64);
            0.5 * (m * m + lv.exp() - lv - 1.0)
        })
        .collect()
}

/// One digit's ELBO terms.
#[derive(Clone, Debug, PartialEq)]
pub struct ElboTerms {
    /// Binary cross-entropy of the reconstruction, summed over the pixels (nats).
    pub reconstruction: f64,
    /// Each latent dimension's KL (nats).
    pub kl_per_dim: Vec<f64>,
}

impl ElboTerms {
    /// The terms for input `x`, its reconstruction `r` and the encoder's μ and log σ².
    pub fn of(x: &[f32], r: &[f32], mu: &[f32], log_var: &[f32]) -> Self {
        Self {
            reconstruction: binary_cross_entropy(x, r),
            kl_per_dim: gaussian_kl_per_dim(mu, log_var),
        }
    }

    /// KL summed over the latent dimensions.
    pub fn kl(&self) -> f64 {
        self.kl_per_dim.iter().sum()
    }

    /// The negative ELBO: reconstruction + KL.
    pub fn total(&self) -> f64 {
        self.reconstruction + self.kl()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kl_is_zero_at_the_prior_and_grows_away_from_it() {
        let kl = gaussian_kl_per_dim(&[0.0, 1.0, 0.0, 2.0], &[0.0, 0.0, 2.0_f32.ln(), -1.0]);
        assert!(kl[0].abs() < 1e-12, "N(0, 1) is the prior: {}", kl[0]);
        assert!((kl[1] - 0.5).abs() < 1e-9, "μ = 1, σ = 1: ½ μ²");
        // σ² = 2: ½ (2 − ln 2 − 1)
        assert!((kl[2] - 0.5 * (1.0 - 2.0_f64.ln())).abs() < 1e-6);
        // μ = 2, log σ² = −1: ½ (4 + e⁻¹ + 1 − 1)
        assert!((kl[3] - 0.5 * (4.0 + (-1.0_f64).exp())).abs() < 1e-6);
        assert!(kl.iter().all(|&k| k >= 0.0));
    }

    #[test]
    fn bce_matches_its_definition_and_never_is_infinite() {
        let x = [1.0, 0.0, 0.5];
        let r = [0.9, 0.2, 0.5];
        let expected = -(0.9_f64.ln()) - (0.8_f64.ln()) - 0.5_f64.ln();
        assert!((binary_cross_entropy(&x, &r) - expected).abs() < 1e-6);
        // A confident wrong pixel is costly but finite.
        let worst = binary_cross_entropy(&[1.0], &[0.0]);
        assert!(worst.is_finite() && worst > 15.0, "{worst}");
        assert!(binary_cross_entropy(&[1.0, 0.0], &[1.0, 0.0]) < 1e-6);
    }

    #[test]
    fn the_terms_add_up() {
        let t = ElboTerms::of(&[1.0, 0.0], &[0.5, 0.5], &[1.0, 0.0], &[0.0, 0.0]);
        assert!((t.reconstruction - 2.0 * 2.0_f64.ln()).abs() < 1e-6);
        assert!((t.kl() - 0.5).abs() < 1e-9);
        assert!((t.total() - (t.reconstruction + 0.5)).abs() < 1e-12);
    }
}
