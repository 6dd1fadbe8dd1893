//! The compact dataset files `static/mnist-test.bin` and `static/mnist-train.bin` and the
//! train/test split they hold. Two files so that a first visit downloads only the 2,000 test
//! digits (0.3 MB) before the first view appears; the 8,000 training digits (1.3 MB), which only
//! the training labs and the applications need, follow in the background.
//!
//! Layout (little endian): the magic `LLDS`, a `u16` format version, a `u16` image side, the
//! `u32` counts of training and test images, the `u32` seed of the split, then one raw-deflate
//! stream holding the training labels, the training pixels, the test labels and the test pixels.
//! Pixels are bytes (0 = background, 255 = full ink), row-major, one image after another.
//!
//! Each MNIST file holds one split (the other's count is 0) and the split's seed, which must agree.
//!
//! `static/fashion.bin` uses the same format for the applications lab's out-of-distribution set:
//! the first [`FASHION_IMAGES`] images of Fashion-MNIST's test set (© 2017 Zalando SE, MIT) with
//! their labels, as the test split, the training split empty and the seed 0
//! (`scripts/convert-fashion.sh`). [`decode_fashion`] reads it.

use std::fmt;

use crate::{PIXELS, SIDE};

const MAGIC: &[u8; 4] = b"LLDS";
const VERSION: u16 = 1;
const HEADER_LEN: usize = 4 + 2 + 2 + 4 + 4 + 4;
/// The most images a data file may announce (both splits together): MNIST has 70,000. The header
/// is checked against it before anything is inflated, so a file claiming four billion images is
/// refused instead of allocating for them.
pub const MAX_IMAGES: u64 = 100_000;

/// Digits in the bundled training split (`static/mnist-train.bin`).
pub const TRAIN_IMAGES: usize = 8_000;
/// Digits in the bundled test split (`static/mnist-test.bin`).
pub const TEST_IMAGES: usize = 2_000;

/// Labelled 28×28 digits of one split.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Split {
    /// The class of each image (0–9).
    pub labels: Vec<u8>,
    /// `labels.len() × 784` bytes, one image after another.
    pub pixels: Vec<u8>,
}

impl Split {
    /// Number of images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether the split holds no image.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Image `index` as intensities in [0, 1].
    pub fn image(&self, index: usize) -> Vec<f32> {
        bytes_to_unit(&self.pixels[index * PIXELS..(index + 1) * PIXELS])
    }

    /// Images `indices` in one flat row-major buffer (`indices.len() × 784`), intensities in [0, 1].
    pub fn batch(&self, indices: &[usize]) -> Vec<f32> {
        let mut out = Vec::with_capacity(indices.len() * PIXELS);
        for &i in indices {
            out.extend(
                self.pixels[i * PIXELS..(i + 1) * PIXELS]
                    .iter()
                    .map(|&b| b as f32 / 255.0),
            );
        }
        out
    }

    /// All images as intensities in [0, 1], `len() × 784`.
    pub fn all_images(&self) -> Vec<f32> {
        bytes_to_unit(&self.pixels)
    }

    /// How many images each class has.
    pub fn class_counts(&self) -> [usize; 10] {
        let mut counts = [0; 10];
        for &l in &self.labels {
            counts[l as usize] += 1;
        }
        counts
    }
}

fn bytes_to_unit(bytes: &[u8]) -> Vec<f32> {
    bytes.iter().map(|&b| b as f32 / 255.0).collect()
}

/// The bundled data set: a fixed, stratified train/test split.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub train: Split,
    pub test: Split,
    /// The seed the split was drawn with.
    pub seed: u32,
}

/// Why a dataset file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    TooShort,
    BadMagic,
    UnsupportedVersion(u16),
    WrongSide(u16),
    Corrupt(String),
    WrongLength {
        expected: usize,
        found: usize,
    },
    BadLabel(u8),
    /// The header announces more than [`MAX_IMAGES`] images.
    TooManyImages(u64),
    /// The compressed data inflates to more than the header announces.
    TooLong {
        expected: usize,
    },
    /// A split file holds other counts than the bundle's (for example the training file where
    /// the test file belongs).
    WrongSplit {
        train: usize,
        test: usize,
    },
    /// The two split files were drawn with different seeds: they are not halves of one split.
    SeedMismatch {
        test: u32,
        train: u32,
    },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooShort => write!(f, "the data file is truncated (shorter than its header)"),
            Self::BadMagic => write!(f, "this is not a Latent Lab data file (bad magic bytes)"),
            Self::UnsupportedVersion(v) => write!(
                f,
                "data file format version {v} is not supported (expected {VERSION})"
            ),
            Self::WrongSide(s) => {
                write!(f, "data file holds {s}×{s} images, expected {SIDE}×{SIDE}")
            }
            Self::Corrupt(why) => write!(f, "the data file is corrupt: {why}"),
            Self::WrongLength { expected, found } => {
                write!(
                    f,
                    "the data file holds {found} bytes of images and labels, expected {expected}"
                )
            }
            Self::BadLabel(l) => write!(f, "the data file has a label {l} outside 0–9"),
            Self::TooManyImages(n) => write!(
                f,
                "the data file's header announces {n} images; a data file holds at most {MAX_IMAGES}"
            ),
            Self::TooLong { expected } => write!(
                f,
                "the data file's images and labels inflate to more than the {expected} bytes its header announces"
            ),
            Self::WrongSplit { train, test } => write!(
                f,
                "the data file holds {train} training and {test} test digits, not one split of the bundle ({TRAIN_IMAGES} training or {TEST_IMAGES} test digits)"
            ),
            Self::SeedMismatch { test, train } => write!(
                f,
                "the training digits were split with seed {train} and the test digits with seed {test}: the files do not belong together"
            ),
        }
    }
}

impl std::error::Error for BundleError {}

impl Dataset {
    /// Serialises the dataset into the compact file format.
    pub fn encode(&self) -> Vec<u8> {
        let mut payload =
            Vec::with_capacity(self.train.pixels.len() + self.test.pixels.len() + 20_000);
        for split in [&self.train, &self.test] {
            payload.extend_from_slice(&split.labels);
            payload.extend_from_slice(&split.pixels);
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(SIDE as u16).to_le_bytes());
        out.extend_from_slice(&(self.train.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.test.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.seed.to_le_bytes());
        out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(&payload, 10));
        out
    }

    /// Reads a dataset file, checking every field.
    pub fn decode(bytes: &[u8]) -> Result<Self, BundleError> {
        if bytes.len() < HEADER_LEN {
            return Err(BundleError::TooShort);
        }
        if &bytes[0..4] != MAGIC {
            return Err(BundleError::BadMagic);
        }
        let u16_at = |o: usize| u16::from_le_bytes([bytes[o], bytes[o + 1]]);
        let u32_at = |o: usize| u32::from_le_bytes(bytes[o..o + 4].try_into().unwrap());
        let version = u16_at(4);
        if version != VERSION {
            return Err(BundleError::UnsupportedVersion(version));
        }
        let side = u16_at(6);
        if side as usize != SIDE {
            return Err(BundleError::WrongSide(side));
        }
        let images = u32_at(8) as u64 + u32_at(12) as u64;
        if images > MAX_IMAGES {
            return Err(BundleError::TooManyImages(images));
        }
        // Within MAX_IMAGES these fit a 32-bit usize (the browser's) with room to spare.
        let n_train = u32_at(8) as usize;
        let n_test = u32_at(12) as usize;
        let seed = u32_at(16);
        let expected = (n_train + n_test) * (1 + PIXELS);
        // Inflating stops one byte past the announced size: a small file cannot grow past it.
        let payload =
            miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes[HEADER_LEN..], expected + 1)
                .map_err(|e| match e.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                        BundleError::TooLong { expected }
                    }
                    status => BundleError::Corrupt(format!("{status:?}")),
                })?;
        if payload.len() > expected {
            return Err(BundleError::TooLong { expected });
        }
        if payload.len() != expected {
            return Err(BundleError::WrongLength {
                expected,
                found: payload.len(),
            });
        }
        let mut rest = payload.as_slice();
        let mut take_split = |n: usize| -> Result<Split, BundleError> {
            let (labels, after) = rest.split_at(n);
            let (pixels, after) = after.split_at(n * PIXELS);
            rest = after;
            if let Some(&bad) = labels.iter().find(|&&l| l > 9) {
                return Err(BundleError::BadLabel(bad));
            }
            Ok(Split {
                labels: labels.to_vec(),
                pixels: pixels.to_vec(),
            })
        };
        let train = take_split(n_train)?;
        let test = take_split(n_test)?;
        Ok(Self { train, test, seed })
    }

    /// The two files of the bundle: the test split's and the training split's.
    pub fn encode_split_files(&self) -> (Vec<u8>, Vec<u8>) {
        let only = |train: &Split, test: &Split| {
            Self {
                train: train.clone(),
                test: test.clone(),
                seed: self.seed,
            }
            .encode()
        };
        let empty = Split::default();
        (only(&empty, &self.test), only(&self.train, &empty))
    }

    /// Reads `static/mnist-test.bin`: the test split and the seed it was drawn with.
    pub fn decode_test_file(bytes: &[u8]) -> Result<(Split, u32), BundleError> {
        let file = Self::decode(bytes)?;
        if !file.train.is_empty() || file.test.len() != TEST_IMAGES {
            return Err(BundleError::WrongSplit {
                train: file.train.len(),
                test: file.test.len(),
            });
        }
        Ok((file.test, file.seed))
    }

    /// Reads `static/mnist-train.bin`, which must come from the same split (`seed`) as the test
    /// file already read.
    pub fn decode_train_file(bytes: &[u8], seed: u32) -> Result<Split, BundleError> {
        let file = Self::decode(bytes)?;
        if !file.test.is_empty() || file.train.len() != TRAIN_IMAGES {
            return Err(BundleError::WrongSplit {
                train: file.train.len(),
                test: file.test.len(),
            });
        }
        if file.seed != seed {
            return Err(BundleError::SeedMismatch {
                test: seed,
                train: file.seed,
            });
        }
        Ok(file.train)
    }

    /// Reads the bundled files from `static/` (native only: tests and the pretraining command).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load_bundled() -> Result<Self, Box<dyn std::error::Error>> {
        Self::load_from(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/static"
        )))
    }

    /// Reads `mnist-test.bin` and `mnist-train.bin` from `dir` (native only: a program run away
    /// from the source tree, such as `bench-native` on another machine, names its own folder).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load_from(dir: &std::path::Path) -> Result<Self, Box<dyn std::error::Error>> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
        };
        let (test, seed) = Self::decode_test_file(&read("mnist-test.bin")?)?;
        let train = Self::decode_train_file(&read("mnist-train.bin")?, seed)?;
        Ok(Self { train, test, seed })
    }
}

/// How many Fashion-MNIST images `static/fashion.bin` holds.
pub const FASHION_IMAGES: usize = 2_000;

/// Fashion-MNIST's classes, by label.
pub const FASHION_CLASSES: [&str; 10] = [
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
];

/// Reads `static/fashion.bin`: the Fashion-MNIST images with their labels (0–9, see
/// [`FASHION_CLASSES`]), refusing a file that holds training images or another count.
pub fn decode_fashion(bytes: &[u8]) -> Result<Split, BundleError> {
    let dataset = Dataset::decode(bytes)?;
    let found = dataset.train.len() + dataset.test.len();
    if !dataset.train.is_empty() || dataset.test.len() != FASHION_IMAGES {
        return Err(BundleError::WrongLength {
            expected: FASHION_IMAGES * (1 + PIXELS),
            found: found * (1 + PIXELS),
        });
    }
    Ok(dataset.test)
}

/// Reads the bundled `static/fashion.bin` (native only: tests and commands).
#[cfg(not(target_arch = "wasm32"))]
pub fn load_fashion() -> Result<Split, Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/static/fashion.bin");
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(decode_fashion(&bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Dataset {
        let split = |n: usize, offset: u8| Split {
            labels: (0..n).map(|i| (i % 10) as u8).collect(),
            pixels: (0..n * PIXELS)
                .map(|i| (i as u8).wrapping_add(offset))
                .collect(),
        };
        Dataset {
            train: split(12, 0),
            test: split(3, 7),
            seed: 42,
        }
    }

    #[test]
    fn encode_decode_round_trip() {
        let d = tiny();
        assert_eq!(Dataset::decode(&d.encode()).unwrap(), d);
    }

    #[test]
    fn damaged_files_are_rejected_with_a_reason() {
        let bytes = tiny().encode();
        assert_eq!(Dataset::decode(&bytes[..10]), Err(BundleError::TooShort));
        let mut bad = bytes.clone();
        bad[0] = b'X';
        assert_eq!(Dataset::decode(&bad), Err(BundleError::BadMagic));
        let mut bad = bytes.clone();
        bad[4] = 9;
        assert_eq!(
            Dataset::decode(&bad),
            Err(BundleError::UnsupportedVersion(9))
        );
        assert!(matches!(
            Dataset::decode(&bytes[..bytes.len() - 40]),
            Err(BundleError::Corrupt(_))
        ));
    }

    #[test]
    fn split_files_round_trip_and_refuse_each_other() {
        let split = |n: usize| Split {
            labels: (0..n).map(|i| (i % 10) as u8).collect(),
            pixels: (0..n * PIXELS).map(|i| (i % 251) as u8).collect(),
        };
        let d = Dataset {
            train: split(TRAIN_IMAGES),
            test: split(TEST_IMAGES),
            seed: 7,
        };
        let (test_file, train_file) = d.encode_split_files();
        let (test, seed) = Dataset::decode_test_file(&test_file).unwrap();
        assert_eq!((test, seed), (d.test.clone(), 7));
        assert_eq!(Dataset::decode_train_file(&train_file, 7).unwrap(), d.train);
        assert_eq!(
            Dataset::decode_test_file(&train_file),
            Err(BundleError::WrongSplit {
                train: TRAIN_IMAGES,
                test: 0
            })
        );
        assert_eq!(
            Dataset::decode_train_file(&test_file, 7),
            Err(BundleError::WrongSplit {
                train: 0,
                test: TEST_IMAGES
            })
        );
        assert_eq!(
            Dataset::decode_train_file(&train_file, 8),
            Err(BundleError::SeedMismatch { test: 8, train: 7 })
        );
        assert_eq!(
            Dataset::decode_test_file(&tiny().encode()),
            Err(BundleError::WrongSplit { train: 12, test: 3 })
        );
    }

    #[test]
    fn the_bundled_split_has_its_announced_sizes_and_classes() {
        let d = Dataset::load_bundled().unwrap();
        assert_eq!((d.train.len(), d.test.len()), (TRAIN_IMAGES, TEST_IMAGES));
        // Stratified: every class is in both splits in about its share.
        for (train, test) in d.train.class_counts().iter().zip(d.test.class_counts()) {
            assert!(*train > 600 && test > 150, "{train} / {test}");
        }
    }

    #[test]
    fn images_are_scaled_to_unit_range() {
        let d = tiny();
        let img = d.train.image(1);
        assert_eq!(img.len(), PIXELS);
        assert!((img[0] - (PIXELS % 256) as f32 / 255.0).abs() < 1e-6);
        assert_eq!(d.train.batch(&[0, 1]).len(), 2 * PIXELS);
    }

    #[test]
    fn the_bundled_fashion_images_load_with_their_labels() {
        let fashion = load_fashion().unwrap();
        assert_eq!(fashion.len(), FASHION_IMAGES);
        let images = fashion.all_images();
        assert_eq!(images.len(), FASHION_IMAGES * PIXELS);
        assert!(images.iter().all(|v| (0.0..=1.0).contains(v)));
        assert!(fashion.labels.iter().all(|&l| l <= 9));
        // The first 2,000 of Fashion-MNIST's test set hold every class, about 200 each.
        assert!(
            fashion
                .class_counts()
                .iter()
                .all(|&c| (150..=250).contains(&c))
        );
        // The test set begins with an ankle boot, a pullover and two trousers.
        assert_eq!(&fashion.labels[..4], &[9, 2, 1, 1]);
        // Clothes cover far more of the frame than digits do.
        let ink = images.iter().filter(|&&v| v > 0.1).count() as f64 / images.len() as f64;
        assert!(ink > 0.3, "share of inked pixels {ink}");
    }

    #[test]
    fn a_digit_file_is_not_a_fashion_file() {
        assert!(matches!(
            decode_fashion(&tiny().encode()),
            Err(BundleError::WrongLength { .. })
        ));
    }
}
