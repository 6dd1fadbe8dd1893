//! Quality bars of the applications lab's models, from their files in `pretrained/`: the linear
//! autoencoder learns PCA's subspace (test MSE within 5 % of PCA-16's, small principal angles), and
//! the colourisation autoencoder colours clearly better (MSE below ¾) than the best colouring that
//! cannot tell the class.

use burn::prelude::*;
use latent_lab::{
    PIXELS,
    analysis::Pca,
    data::Dataset,
    model::{
        Autoencoder,
        manifest::Manifest,
        pretrained::{COLOUR_16, LINEAR_16, Shipped, files, load_autoencoder},
        store::WeightsError,
    },
    train::evaluate::reconstruct_all,
};
use nalgebra::DMatrix;

// STAND-IN until `latent_lab::data::colouring` lands: the same file `pretrain` trains on.
use latent_lab::data::colouring;

fn load(name: &str) -> (Manifest, Autoencoder) {
    let manifest = files::read_manifest(name).unwrap();
    let weights = files::read_weights(&manifest).unwrap();
    let model = load_autoencoder(&manifest, weights, &Device::flex()).unwrap();
    (manifest, model)
}

fn mse(a: &[f32], b: &[f32]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(x, y)| ((x - y) as f64).powi(2))
        .sum::<f64>()
        / a.len() as f64
}

/// Principal angles (degrees, ascending) between the column spaces of two `n × k` matrices: the
/// arc cosines of the singular values of Q1ᵀQ2, Q1 and Q2 orthonormal bases of the two spaces.
fn principal_angles(a: DMatrix<f64>, b: DMatrix<f64>) -> Vec<f64> {
    let q1 = a.qr().q();
    let q2 = b.qr().q();
    let cosines = (q1.transpose() * q2).singular_values();
    let mut angles: Vec<f64> = cosines
        .iter()
        .map(|c| c.clamp(-1.0, 1.0).acos().to_degrees())
        .collect();
    angles.sort_by(f64::total_cmp);
    angles
}

#[test]
fn principal_angles_of_known_subspaces() {
    let e = |cols: &[usize]| DMatrix::from_fn(4, cols.len(), |r, c| (r == cols[c]) as u8 as f64);
    let same = principal_angles(
        e(&[0, 1]),
        DMatrix::from_row_slice(4, 2, &[1., 1., 2., -1., 0., 0., 0., 0.]),
    );
    assert!(same.iter().all(|a| a.abs() < 1e-6), "{same:?}");
    let orthogonal = principal_angles(e(&[0, 1]), e(&[2, 3]));
    assert!(
        orthogonal.iter().all(|a| (a - 90.0).abs() < 1e-6),
        "{orthogonal:?}"
    );
    // Planes sharing one axis, the other axes 30° apart.
    let (s, c) = 30f64.to_radians().sin_cos();
    let tilted = DMatrix::from_row_slice(4, 2, &[1., 0., 0., c, 0., s, 0., 0.]);
    let angles = principal_angles(e(&[0, 1]), tilted);
    assert!(
        angles[0].abs() < 1e-6 && (angles[1] - 30.0).abs() < 1e-6,
        "{angles:?}"
    );
}

#[test]
fn the_manifests_describe_the_new_architectures() {
    assert_eq!(Shipped::Linear16.name(), LINEAR_16);
    assert_eq!(Shipped::Colour16.name(), COLOUR_16);
    assert!(!Shipped::ALL.contains(&Shipped::Linear16));
    let (m, linear) = load(LINEAR_16);
    assert!(m.architecture.hidden.is_empty());
    assert_eq!(m.architecture.output_activation, "identity");
    assert!(linear.linear_output);
    assert!(linear.encoder.layers.is_empty() && linear.decoder.hidden.layers.is_empty());
    let (m, colour) = load(COLOUR_16);
    assert_eq!(m.architecture.output, Some(3 * PIXELS));
    assert!(!colour.linear_output);
    let x = Tensor::<2>::zeros([2, PIXELS], &Device::flex());
    assert_eq!(colour.forward(x).dims(), [2, 3 * PIXELS]);

    // An activation the autoencoder cannot build is refused, not silently replaced.
    let mut odd = m.clone();
    odd.architecture.output_activation = "tanh".into();
    let weights = files::read_weights(&m).unwrap();
    assert!(matches!(
        load_autoencoder(&odd, weights, &Device::flex()),
        Err(WeightsError::Mismatch(_))
    ));
}

#[test]
fn linear_16_learns_the_subspace_of_pca_16() {
    let data = Dataset::load_bundled().unwrap();
    let (manifest, model) = load(LINEAR_16);
    let test = data.test.all_images();
    let pca = Pca::fit(&data.train.all_images(), PIXELS, 16);
    let pca_mse = pca.reconstruction_mse(&test);
    let model_mse = mse(&reconstruct_all(&model, &test, &Device::flex()), &test);

    // The decoder r = W h + b spans the rows of W ([16, 784] in Burn's layout) plus b.
    let w = model
        .decoder
        .output
        .weight
        .val()
        .into_data()
        .try_into_vec::<f32>()
        .unwrap();
    let decoder = DMatrix::from_fn(PIXELS, 16, |r, c| w[c * PIXELS + r] as f64);
    let components = DMatrix::from_fn(PIXELS, 16, |r, c| pca.components[c][r] as f64);
    let angles = principal_angles(decoder, components);
    let max_angle = *angles.last().unwrap();
    println!(
        "linear-16 test MSE {model_mse:.6}, PCA-16 {pca_mse:.6} ({:+.3} %); principal angles \
         {angles:.2?}°, max {max_angle:.3}°",
        100.0 * (model_mse / pca_mse - 1.0)
    );
    assert!(
        model_mse <= 1.05 * pca_mse,
        "linear-16 MSE {model_mse} must be within 5 % of PCA-16's {pca_mse}"
    );
    assert!(max_angle < 10.0, "largest principal angle {max_angle}°");
    assert!((manifest.metrics.test_mse - model_mse).abs() < 1e-5);
    assert!((manifest.metrics.pca_mse - pca_mse).abs() < 1e-4);
}

#[test]
fn colour_16_colours_better_than_a_class_blind_colouring() {
    let data = Dataset::load_bundled().unwrap();
    let (manifest, model) = load(COLOUR_16);
    let test = data.test.all_images();
    let truth = colouring::colourise_batch(&test, &data.test.labels);
    let model_mse = mse(&reconstruct_all(&model, &test, &Device::flex()), &truth);
    let blind: Vec<f32> = test
        .chunks_exact(PIXELS)
        .flat_map(|grey| {
            let mut mean = vec![0.0f32; 3 * PIXELS];
            for class in 0..10 {
                for (m, v) in mean.iter_mut().zip(colouring::colourise(grey, class)) {
                    *m += v / 10.0;
                }
            }
            mean
        })
        .collect();
    let blind_mse = mse(&blind, &truth);
    let grey_mse = mse(
        &test
            .chunks_exact(PIXELS)
            .flat_map(|g| g.repeat(3))
            .collect::<Vec<_>>(),
        &truth,
    );
    println!("colour-16 test MSE {model_mse:.5}, class-blind {blind_mse:.5}, grey {grey_mse:.5}");
    assert!(
        model_mse < 0.75 * blind_mse,
        "colour-16 MSE {model_mse} must be well below the class-blind colouring's {blind_mse}"
    );
    assert!(model_mse < 0.5 * grey_mse);
    assert!(
        model_mse < manifest.metrics.pca_mse,
        "and below PCA-16 of the true colours"
    );
    assert!((manifest.metrics.test_mse - model_mse).abs() < 1e-5);
    let recorded = &manifest.metrics.baselines;
    assert_eq!(recorded.len(), 2);
    assert!((recorded[0].mse - blind_mse).abs() < 1e-5);
    assert!((recorded[1].mse - grey_mse).abs() < 1e-5);
}
