//! Loss functions against values computed by hand.

use burn::prelude::*;
use latent_lab::model::loss::{bce_with_logits, kl_divergence, mse, negative_elbo};

fn device() -> Device {
    Device::flex()
}

fn t2(rows: Vec<Vec<f32>>) -> Tensor<2> {
    let (r, c) = (rows.len(), rows[0].len());
    Tensor::from_data(TensorData::new(rows.concat(), [r, c]), &device())
}

fn value(t: Tensor<1>) -> f64 {
    t.into_scalar::<f32>() as f64
}

#[test]
fn mse_is_the_mean_over_pixels_and_images() {
    let r = t2(vec![vec![0.0, 1.0], vec![0.5, 0.5]]);
    let x = t2(vec![vec![1.0, 1.0], vec![0.0, 0.5]]);
    // (1 + 0 + 0.25 + 0) / 4
    assert!((value(mse(r, x)) - 0.3125).abs() < 1e-6);
}

#[test]
fn bce_with_logits_matches_the_textbook_formula() {
    let logits = vec![vec![0.0f32, 2.0, -1.0], vec![3.0, -4.0, 0.5]];
    let targets = vec![vec![1.0f32, 0.0, 0.3], vec![0.9, 0.0, 1.0]];
    let by_hand: f64 = logits
        .iter()
        .zip(&targets)
        .map(|(l, x)| {
            l.iter()
                .zip(x)
                .map(|(&l, &x)| {
                    let p = 1.0 / (1.0 + (-l as f64).exp());
                    -(x as f64) * p.ln() - (1.0 - x as f64) * (1.0 - p).ln()
                })
                .sum::<f64>()
        })
        .sum::<f64>()
        / 2.0;
    let got = value(bce_with_logits(t2(logits), t2(targets)));
    assert!((got - by_hand).abs() < 1e-5, "{got} vs {by_hand}");
    // ln 2 per pixel at logit 0, whatever the target.
    let half = value(bce_with_logits(
        t2(vec![vec![0.0, 0.0]]),
        t2(vec![vec![1.0, 0.0]]),
    ));
    assert!((half - 2.0 * std::f64::consts::LN_2).abs() < 1e-6);
}

#[test]
fn bce_stays_finite_for_saturated_logits() {
    let got = value(bce_with_logits(
        t2(vec![vec![100.0, -100.0]]),
        t2(vec![vec![0.0, 1.0]]),
    ));
    assert!((got - 200.0).abs() < 1e-3, "{got}");
}

#[test]
fn kl_divergence_in_closed_form() {
    // Zero for the prior itself.
    assert!(
        value(kl_divergence(
            t2(vec![vec![0.0, 0.0]]),
            t2(vec![vec![0.0, 0.0]])
        ))
        .abs()
            < 1e-7
    );
    // μ = 1, log σ² = 0: ½ μ² = 0.5. μ = 0, log σ² = ln 4: −½(1 + ln 4 − 4) = 1.5 − ln 2.
    let mu = t2(vec![vec![1.0, 0.0]]);
    let log_var = t2(vec![vec![0.0, 4f32.ln()]]);
    let expected = 0.5 + (1.5 - std::f64::consts::LN_2);
    assert!((value(kl_divergence(mu, log_var)) - expected).abs() < 1e-5);
    // Averaged over the batch: two images with KL 0.5 and 0.
    let two = kl_divergence(
        t2(vec![vec![1.0], vec![0.0]]),
        t2(vec![vec![0.0], vec![0.0]]),
    );
    assert!((value(two) - 0.25).abs() < 1e-6);
}

#[test]
fn negative_elbo_weights_the_kl_term_by_beta() {
    let logits = t2(vec![vec![0.0, 0.0]]);
    let x = t2(vec![vec![1.0, 0.0]]);
    let mu = t2(vec![vec![1.0]]);
    let log_var = t2(vec![vec![0.0]]);
    let loss = negative_elbo(logits, x, mu, log_var, 4.0);
    let rec = 2.0 * std::f64::consts::LN_2;
    assert!((value(loss.reconstruction) - rec).abs() < 1e-6);
    assert!((value(loss.kl) - 0.5).abs() < 1e-6);
    assert!((value(loss.total) - (rec + 4.0 * 0.5)).abs() < 1e-5);
}
