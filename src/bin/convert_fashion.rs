//! Converts Fashion-MNIST (Zalando SE, MIT; Debian package `dataset-fashion-mnist`) into the
//! out-of-distribution set of the applications lab: the first 2,000 images of its TEST set, with
//! their labels, in Latent Lab's data-file format (`data::bundle`) as the test split (the training
//! split is empty, the seed 0).
//!
//! Usage: `cargo run --bin convert-fashion -- <images IDX> <labels IDX> <output file>`
//! (`scripts/convert-fashion.sh` unpacks the package's gzipped IDX files and runs this).

use std::{error::Error, fmt, fs};

use latent_lab::{
    PIXELS, SIDE,
    data::{Dataset, Split, bundle::FASHION_IMAGES},
};

/// The magic numbers of IDX files: unsigned bytes, 3 dimensions (images) or 1 (labels).
const IMAGES_MAGIC: u32 = 0x0000_0803;
const LABELS_MAGIC: u32 = 0x0000_0801;

/// Why an IDX file was refused.
#[derive(Debug)]
enum IdxError {
    TruncatedHeader,
    NotImages,
    NotLabels,
    ImageSize { rows: usize, cols: usize },
    PixelCount { bytes: usize, count: usize },
    LabelCount { labels: usize, count: usize },
}

impl fmt::Display for IdxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TruncatedHeader => write!(f, "IDX file truncated in its header"),
            Self::NotImages => write!(f, "not an IDX file of unsigned-byte images"),
            Self::NotLabels => write!(f, "not an IDX file of unsigned-byte labels"),
            Self::ImageSize { rows, cols } => {
                write!(f, "images are {rows}×{cols}, expected {SIDE}×{SIDE}")
            }
            Self::PixelCount { bytes, count } => {
                write!(f, "{bytes} bytes of pixels for {count} images")
            }
            Self::LabelCount { labels, count } => {
                write!(f, "{labels} labels, header says {count}")
            }
        }
    }
}

impl Error for IdxError {}

fn be_u32(bytes: &[u8], at: usize) -> Result<u32, IdxError> {
    bytes
        .get(at..at + 4)
        .map(|b| u32::from_be_bytes(b.try_into().unwrap()))
        .ok_or(IdxError::TruncatedHeader)
}

/// The images of an IDX3 file, one after another (`count × 784` bytes).
fn read_images(bytes: &[u8]) -> Result<(usize, &[u8]), IdxError> {
    if be_u32(bytes, 0)? != IMAGES_MAGIC {
        return Err(IdxError::NotImages);
    }
    let count = be_u32(bytes, 4)? as usize;
    let (rows, cols) = (be_u32(bytes, 8)? as usize, be_u32(bytes, 12)? as usize);
    if rows != SIDE || cols != SIDE {
        return Err(IdxError::ImageSize { rows, cols });
    }
    let pixels = &bytes[16..];
    if pixels.len() != count * PIXELS {
        return Err(IdxError::PixelCount {
            bytes: pixels.len(),
            count,
        });
    }
    Ok((count, pixels))
}

/// The labels of an IDX1 file.
fn read_labels(bytes: &[u8]) -> Result<&[u8], IdxError> {
    if be_u32(bytes, 0)? != LABELS_MAGIC {
        return Err(IdxError::NotLabels);
    }
    let count = be_u32(bytes, 4)? as usize;
    let labels = &bytes[8..];
    if labels.len() != count {
        return Err(IdxError::LabelCount {
            labels: labels.len(),
            count,
        });
    }
    Ok(labels)
}

fn main() -> Result<(), Box<dyn Error>> {
    let usage = "usage: convert-fashion <images IDX> <labels IDX> <output>";
    let mut args = std::env::args().skip(1);
    let (images, labels, output) = (
        args.next().ok_or(usage)?,
        args.next().ok_or(usage)?,
        args.next().ok_or(usage)?,
    );
    let image_bytes = fs::read(&images).map_err(|e| format!("{images}: {e}"))?;
    let label_bytes = fs::read(&labels).map_err(|e| format!("{labels}: {e}"))?;
    let (count, pixels) = read_images(&image_bytes).map_err(|e| format!("{images}: {e}"))?;
    let all_labels = read_labels(&label_bytes).map_err(|e| format!("{labels}: {e}"))?;
    if all_labels.len() != count {
        return Err(format!("{count} images but {} labels", all_labels.len()).into());
    }
    if count < FASHION_IMAGES {
        return Err(format!("only {count} images, {FASHION_IMAGES} needed").into());
    }
    let dataset = Dataset {
        train: Split::default(),
        test: Split {
            labels: all_labels[..FASHION_IMAGES].to_vec(),
            pixels: pixels[..FASHION_IMAGES * PIXELS].to_vec(),
        },
        seed: 0,
    };
    let bytes = dataset.encode();
    fs::write(&output, &bytes)?;
    println!(
        "wrote {output}: the first {} of {count} test images, classes {:?}, {} bytes",
        dataset.test.len(),
        dataset.test.class_counts(),
        bytes.len()
    );
    Ok(())
}
