//! Model shapes, exact save/load, a short training run, and the quality bar of the shipped models.

use burn::prelude::*;
use latent_lab::{
    PIXELS,
    analysis::Pca,
    data::Dataset,
    model::{
        AutoencoderConfig, VaeConfig,
        pretrained::{AE_16, VAE_16, files, load_autoencoder, load_vae},
        store::{WeightsError, load_weights, weights_to_bytes},
    },
    train::{
        AutoencoderTrainer, BatchOrder, VaeTrainer,
        evaluate::{evaluate_autoencoder, evaluate_vae},
        images_tensor,
    },
};

fn values(t: Tensor<2>) -> Vec<f32> {
    t.into_data().try_into_vec::<f32>().unwrap()
}

fn input(batch: usize, device: &Device) -> Tensor<2> {
    let v: Vec<f32> = (0..batch * PIXELS)
        .map(|i| ((i * 37) % 101) as f32 / 100.0)
        .collect();
    Tensor::from_data(TensorData::new(v, [batch, PIXELS]), device)
}

#[test]
fn output_shapes() {
    let device = Device::flex();
    let ae = AutoencoderConfig::new(vec![32, 8], 4).init(&device);
    assert_eq!(ae.encode(input(3, &device)).dims(), [3, 4]);
    let r = ae.forward(input(3, &device));
    assert_eq!(r.dims(), [3, PIXELS]);
    assert!(
        values(r).iter().all(|&p| p > 0.0 && p < 1.0),
        "sigmoid output in (0, 1)"
    );

    let vae = VaeConfig::new(vec![32], 2).init(&device);
    let (mu, log_var) = vae.encode(input(5, &device));
    assert_eq!((mu.dims(), log_var.dims()), ([5, 2], [5, 2]));
    let eps = Tensor::zeros([5, 2], &device);
    let out = vae.forward(input(5, &device), eps);
    assert_eq!(out.logits.dims(), [5, PIXELS]);
    assert_eq!(vae.reconstruct(input(5, &device)).dims(), [5, PIXELS]);
}

#[test]
fn reparameterisation_is_mu_plus_sigma_eps() {
    let device = Device::flex();
    let t = |v: Vec<f32>| Tensor::<2>::from_data(TensorData::new(v, [1, 3]), &device);
    let z = latent_lab::model::Vae::reparameterize(
        t(vec![1.0, 0.0, -2.0]),
        t(vec![0.0, 4f32.ln(), 0.0]),
        t(vec![0.5, 1.0, -1.0]),
    );
    let z = values(z);
    for (got, want) in z.iter().zip([1.5, 2.0, -3.0]) {
        assert!((got - want).abs() < 1e-6, "{z:?}");
    }
}

#[test]
fn weights_round_trip_exactly_and_bad_weights_are_refused() {
    let device = Device::flex();
    let ae = AutoencoderConfig::new(vec![16], 3).init(&device);
    let bytes = weights_to_bytes(&ae).unwrap();
    let loaded = load_weights(
        AutoencoderConfig::new(vec![16], 3).init(&device),
        bytes.clone(),
    )
    .unwrap();
    assert_eq!(
        values(ae.forward(input(2, &device))),
        values(loaded.forward(input(2, &device)))
    );
    // Saving the loaded model and loading that again gives the same outputs, bit for bit.
    let again = load_weights(
        AutoencoderConfig::new(vec![16], 3).init(&device),
        weights_to_bytes(&loaded).unwrap(),
    )
    .unwrap();
    assert_eq!(
        values(ae.forward(input(4, &device))),
        values(again.forward(input(4, &device)))
    );

    let wrong_shape = load_weights(
        AutoencoderConfig::new(vec![17], 3).init(&device),
        bytes.clone(),
    );
    assert!(
        matches!(wrong_shape, Err(WeightsError::Mismatch(_))),
        "{wrong_shape:?}"
    );
    let truncated = load_weights(
        AutoencoderConfig::new(vec![16], 3).init(&device),
        bytes[..bytes.len() / 2].to_vec(),
    );
    assert!(truncated.is_err());
    let vae_bytes = weights_to_bytes(&VaeConfig::new(vec![16], 3).init(&device)).unwrap();
    assert!(load_weights(AutoencoderConfig::new(vec![16], 3).init(&device), vae_bytes).is_err());
}

#[test]
fn a_short_training_run_lowers_the_loss() {
    let data = Dataset::load_bundled().unwrap();
    let device = Device::flex();
    device.seed(3);
    let ad = device.clone().autodiff();
    let subset: Vec<usize> = (0..256).collect();
    let mut order = BatchOrder::new(subset.len(), 3);

    let mut ae = AutoencoderTrainer::new(AutoencoderConfig::new(vec![64], 8).init(&ad), 2e-3);
    let mut vae = VaeTrainer::new(VaeConfig::new(vec![64], 8).init(&ad), 2e-3, 1.0, 3);
    let (mut ae_first, mut ae_last, mut vae_first, mut vae_last) = (None, 0.0, None, 0.0);
    for _ in 0..6 {
        for batch in order.epoch(32) {
            let x = images_tensor(&data.train, &batch, &ad);
            let l = ae.step(x.clone(), x.clone()).into_scalar::<f32>();
            ae_first.get_or_insert(l);
            ae_last = l;
            let l = vae.step(x).total.into_scalar::<f32>();
            vae_first.get_or_insert(l);
            vae_last = l;
        }
    }
    assert!(
        ae_last < 0.7 * ae_first.unwrap(),
        "AE BCE {ae_first:?} → {ae_last}"
    );
    assert!(
        vae_last < 0.7 * vae_first.unwrap(),
        "VAE −ELBO {vae_first:?} → {vae_last}"
    );
}

/// The shipped models: the AE beats PCA with as many components as its code has dimensions, and the
/// VAE's reconstruction error is within twice the AE's. The test recomputes every number.
#[test]
fn shipped_models_reach_the_quality_bar() {
    let data = Dataset::load_bundled().unwrap();
    let device = Device::flex();
    let ae_manifest = files::read_manifest(AE_16).unwrap();
    let vae_manifest = files::read_manifest(VAE_16).unwrap();
    let ae = load_autoencoder(
        &ae_manifest,
        files::read_weights(&ae_manifest).unwrap(),
        &device,
    )
    .unwrap();
    let vae = load_vae(
        &vae_manifest,
        files::read_weights(&vae_manifest).unwrap(),
        &device,
    )
    .unwrap();

    let pca = Pca::fit(
        &data.train.all_images(),
        PIXELS,
        ae_manifest.architecture.latent,
    );
    let pca_mse = pca.reconstruction_mse(&data.test.all_images());
    let ae_eval = evaluate_autoencoder(&ae, &data.test, &device);
    let vae_eval = evaluate_vae(&vae, &data.test, &device, vae_manifest.training.seed);
    println!(
        "PCA-16 {pca_mse:.5}, AE {:.5}, VAE {:.5}",
        ae_eval.mse, vae_eval.mse
    );

    assert!(
        ae_eval.mse < pca_mse,
        "AE MSE {} must beat PCA's {pca_mse}",
        ae_eval.mse
    );
    assert!(
        vae_eval.mse < 2.0 * ae_eval.mse,
        "VAE MSE {} must be within 2× the AE's {}",
        vae_eval.mse,
        ae_eval.mse
    );
    // The manifests record the same numbers.
    assert!((ae_manifest.metrics.test_mse - ae_eval.mse).abs() < 1e-5);
    assert!((vae_manifest.metrics.test_mse - vae_eval.mse).abs() < 1e-5);
    assert!((ae_manifest.metrics.pca_mse - pca_mse).abs() < 1e-4);
    let elbo = vae_manifest.metrics.test_elbo.unwrap();
    assert!(
        (elbo + vae_eval.bce + vae_eval.kl.unwrap()).abs() < 1e-2,
        "ELBO {elbo}"
    );
}

/// The 2-D models of the latent maps: a 2-D code still beats PCA with 2 components.
#[test]
fn shipped_2d_models_beat_pca_with_two_components() {
    use latent_lab::model::pretrained::{AE_2, VAE_2};
    let data = Dataset::load_bundled().unwrap();
    let device = Device::flex();
    let ae_m = files::read_manifest(AE_2).unwrap();
    let vae_m = files::read_manifest(VAE_2).unwrap();
    assert_eq!(
        (ae_m.architecture.latent, vae_m.architecture.latent),
        (2, 2)
    );
    let ae = load_autoencoder(&ae_m, files::read_weights(&ae_m).unwrap(), &device).unwrap();
    let vae = load_vae(&vae_m, files::read_weights(&vae_m).unwrap(), &device).unwrap();
    let ae_mse = evaluate_autoencoder(&ae, &data.test, &device).mse;
    let vae_mse = evaluate_vae(&vae, &data.test, &device, vae_m.training.seed).mse;
    println!(
        "PCA-2 {:.4}, AE-2 {ae_mse:.4}, VAE-2 {vae_mse:.4}",
        ae_m.metrics.pca_mse
    );
    assert!(ae_mse < ae_m.metrics.pca_mse && vae_mse < vae_m.metrics.pca_mse);
    assert!((ae_m.metrics.test_mse - ae_mse).abs() < 1e-5);
}

/// Every shipped model is stored compactly (issue #13: int8 matrices, a quarter of the `f32`
/// bytes); its manifest states the format, the test MSE of the `f32` weights as trained and the
/// change in per cent, which stays under 2 %. (The tests above and in `corruption_models.rs` and
/// `applications_models.rs` recompute the compact weights' metrics from the files.)
#[test]
fn shipped_models_are_compact_and_state_what_it_cost() {
    use latent_lab::model::{
        manifest::WeightsFormat, pretrained::Shipped, safetensors_header::check_compact,
    };
    for model in Shipped::ALL.into_iter().chain(Shipped::APPLICATIONS) {
        let m = files::read_manifest(model.name()).unwrap();
        assert_eq!(m.weights_format, WeightsFormat::Int8PerOutput, "{}", m.name);
        let weights = files::read_weights(&m).unwrap();
        let header = check_compact(&weights).unwrap();
        let matrices: u64 = header.matrices.iter().map(|(w, _)| w.values()).sum();
        assert!(
            matrices as f64 > 0.95 * header.values() as f64,
            "{}: the matrices are nearly all of the values",
            m.name
        );
        // A quarter of the f32 bytes plus the scales: 26 % for the 784-256-64 models, 31 % for
        // linear-16, whose decoder has a scale for every 16 weights.
        assert!(
            (weights.len() as f64) < 4.0 * header.values() as f64 / 3.0,
            "{}: {} bytes for {} values",
            m.name,
            weights.len(),
            header.values()
        );
        let change = 100.0 * (m.metrics.test_mse / m.metrics.float32_test_mse - 1.0);
        println!(
            "{}: f32 {:.6}, int8 {:.6} ({change:+.3} %), {} bytes",
            m.name,
            m.metrics.float32_test_mse,
            m.metrics.test_mse,
            weights.len()
        );
        assert!((m.metrics.test_mse_change_percent - change).abs() < 1e-9);
        assert!(change.abs() < 2.0, "{}: test MSE {change:+.3} %", m.name);
    }
}
