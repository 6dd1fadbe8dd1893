//! The quality bars of the shipped denoising and inpainting autoencoders, recomputed from the
//! files: under Gaussian noise σ = 0.5 the denoising AE's MSE against clean is at most half the
//! plain AE's; with one random 10×10 occlusion per digit the inpainting AE's MSE inside the mask is
//! lower than the plain AE's.

use burn::prelude::*;
use latent_lab::{
    data::Dataset,
    model::pretrained::{AE_16, DAE_16, INPAINT_16, files, load_autoencoder},
    train::evaluate::{benchmarks, masked_mse, reconstruct_all},
};

fn model(
    name: &str,
    device: &Device,
) -> (
    latent_lab::model::Autoencoder,
    latent_lab::model::manifest::Manifest,
) {
    let manifest = files::read_manifest(name).unwrap();
    let weights = files::read_weights(&manifest).unwrap();
    (
        load_autoencoder(&manifest, weights, device).unwrap(),
        manifest,
    )
}

#[test]
fn denoising_autoencoder_halves_the_plain_error_under_strong_noise() {
    let data = Dataset::load_bundled().unwrap();
    let device = Device::flex();
    let (plain, _) = model(AE_16, &device);
    let (dae, manifest) = model(DAE_16, &device);
    let clean = data.test.all_images();
    let noisy = benchmarks::gaussian_half(&data.test);
    let everywhere = vec![true; clean.len()];
    let plain_mse = masked_mse(
        &reconstruct_all(&plain, &noisy, &device),
        &clean,
        &everywhere,
    );
    let dae_mse = masked_mse(&reconstruct_all(&dae, &noisy, &device), &clean, &everywhere);
    println!("σ = 0.5: plain AE {plain_mse:.5}, denoising AE {dae_mse:.5}");
    assert!(
        dae_mse <= 0.5 * plain_mse,
        "denoising AE {dae_mse} vs plain {plain_mse}"
    );
    let recorded = manifest
        .metrics
        .corruption
        .expect("the manifest records the benchmark");
    assert!(
        (recorded.model_mse - dae_mse).abs() < 1e-5
            && (recorded.plain_ae_mse - plain_mse).abs() < 1e-5
    );
    assert!(manifest.training.noise.is_some());
}

#[test]
fn inpainting_autoencoder_fills_occlusions_better_than_the_plain_one() {
    let data = Dataset::load_bundled().unwrap();
    let device = Device::flex();
    let (plain, _) = model(AE_16, &device);
    let (inpaint, manifest) = model(INPAINT_16, &device);
    let clean = data.test.all_images();
    let (occluded, hidden) = benchmarks::occlusion_10(&data.test);
    let plain_mse = masked_mse(
        &reconstruct_all(&plain, &occluded, &device),
        &clean,
        &hidden,
    );
    let inpaint_mse = masked_mse(
        &reconstruct_all(&inpaint, &occluded, &device),
        &clean,
        &hidden,
    );
    println!(
        "10×10 occlusion, inside the mask: plain AE {plain_mse:.5}, inpainting AE {inpaint_mse:.5}"
    );
    assert!(
        inpaint_mse < plain_mse,
        "inpainting AE {inpaint_mse} vs plain {plain_mse}"
    );
    let recorded = manifest
        .metrics
        .corruption
        .expect("the manifest records the benchmark");
    assert!(
        (recorded.model_mse - inpaint_mse).abs() < 1e-5
            && (recorded.plain_ae_mse - plain_mse).abs() < 1e-5
    );
}

#[test]
fn occlusion_benchmark_hides_exactly_one_10x10_square_per_digit() {
    let data = Dataset::load_bundled().unwrap();
    let (_, hidden) = benchmarks::occlusion_10(&data.test);
    for img in hidden.chunks_exact(latent_lab::PIXELS).take(50) {
        assert_eq!(img.iter().filter(|&&h| h).count(), 100);
    }
}
