//! An 8-bit greyscale PNG of digits tiled in a grid, written by hand (stored zlib from
//! `miniz_oxide`, CRC-32 computed here): the pretraining command writes the GAN's fixed batch as
//! one, so a person can look at the samples.

use latent_lab::SIDE;

/// CRC-32 (IEEE) as PNG chunks need it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// `images` (28 × 28 values in [0, 1] each) as a PNG grid of `columns` digits per row, with a
/// 2-pixel grey gap between digits.
pub fn grid_png(images: &[f32], columns: usize) -> Vec<u8> {
    let n = images.len() / (SIDE * SIDE);
    let rows = n.div_ceil(columns);
    let (gap, cell) = (2, SIDE + 2);
    let (width, height) = (columns * cell + gap, rows * cell + gap);
    let mut pixels = vec![128u8; width * height];
    for (k, image) in images.chunks_exact(SIDE * SIDE).enumerate() {
        let (top, left) = (gap + (k / columns) * cell, gap + (k % columns) * cell);
        for (i, &v) in image.iter().enumerate() {
            pixels[(top + i / SIDE) * width + left + i % SIDE] =
                (v.clamp(0.0, 1.0) * 255.0).round() as u8;
        }
    }
    // Each scanline starts with filter type 0 (none).
    let raw: Vec<u8> = pixels
        .chunks_exact(width)
        .flat_map(|row| std::iter::once(0u8).chain(row.iter().copied()))
        .collect();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&(width as u32).to_be_bytes());
    header.extend_from_slice(&(height as u32).to_be_bytes());
    // Bit depth 8, colour type 0 (greyscale), deflate, no filter, no interlace.
    header.extend_from_slice(&[8, 0, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &header);
    chunk(
        &mut out,
        b"IDAT",
        &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 6),
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc_of_the_iend_chunk() {
        // Every PNG ends with the same IEND chunk, CRC AE 42 60 82.
        assert_eq!(super::crc32(b"IEND"), 0xae42_6082);
    }
}
