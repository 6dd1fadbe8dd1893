//! The bundled data file: counts, labels and the stratified split.

use latent_lab::{PIXELS, data::Dataset};

#[test]
fn bundled_mnist_has_the_fixed_stratified_split() {
    let data = Dataset::load_bundled().unwrap();
    assert_eq!(data.train.len(), 8_000);
    assert_eq!(data.test.len(), 2_000);
    assert_eq!(data.train.pixels.len(), 8_000 * PIXELS);
    assert_eq!(data.test.pixels.len(), 2_000 * PIXELS);
    let (train, test) = (data.train.class_counts(), data.test.class_counts());
    for k in 0..10 {
        assert!(
            test[k] > 150 && train[k] > 600,
            "class {k}: {} train, {} test",
            train[k],
            test[k]
        );
        let share = test[k] as f64 / (train[k] + test[k]) as f64;
        assert!((share - 0.2).abs() < 0.002, "class {k} test share {share}");
    }
}

#[test]
fn digits_look_like_mnist() {
    let data = Dataset::load_bundled().unwrap();
    for i in 0..50 {
        let img = data.test.image(i);
        let ink = img.iter().filter(|&&v| v > 0.5).count();
        assert!((40..400).contains(&ink), "digit {i} has {ink} ink pixels");
        // MNIST leaves a 4-pixel border around the 20×20 box: the corners are empty.
        assert_eq!(img[0] + img[27] + img[PIXELS - 1] + img[PIXELS - 28], 0.0);
    }
}
