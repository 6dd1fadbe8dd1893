//! A 28×28 drawing in a link: its 784 pixels as 8-bit levels (the model input is 8-bit, like
//! MNIST, so nothing is lost), deflated and written as URL-safe base64 after a `p`. A drawn digit
//! is mostly paper and packs into a few hundred characters.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::PIXELS;

/// Brings a model input to the 256 levels a link (and MNIST) can hold.
pub fn quantise(image: &mut [f32]) {
    for v in image.iter_mut() {
        *v = level(*v) as f32 / 255.0;
    }
}

fn level(v: f32) -> u8 {
    (v.clamp(0.0, 1.0) * 255.0).round() as u8
}

/// The link text of an image (`p` + base64url of the deflated levels).
pub fn encode(image: &[f32]) -> String {
    let levels: Vec<u8> = image.iter().map(|&v| level(v)).collect();
    let packed = miniz_oxide::deflate::compress_to_vec(&levels, 10);
    format!("p{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The image of a link text, or `None` if it is not one (wrong prefix, bad base64, damaged
/// deflate stream, or not exactly 784 pixels).
pub fn decode(text: &str) -> Option<Vec<f32>> {
    let packed = URL_SAFE_NO_PAD.decode(text.strip_prefix('p')?).ok()?;
    // A bomb cannot grow: inflation stops one byte past an image.
    let levels = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, PIXELS + 1).ok()?;
    (levels.len() == PIXELS).then(|| from_levels(&levels))
}

/// An image from its 8-bit levels.
pub fn from_levels(levels: &[u8]) -> Vec<f32> {
    levels.iter().map(|&l| l as f32 / 255.0).collect()
}

/// The 8-bit levels of a decoded image, for a sketch that keeps them.
pub fn levels(image: &[f32]) -> Vec<u8> {
    image.iter().map(|&v| level(v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quantised_image_survives_the_link_exactly() {
        let mut image: Vec<f32> = (0..PIXELS)
            .map(|i| ((i * 37) % 101) as f32 / 100.0)
            .collect();
        quantise(&mut image);
        assert_eq!(decode(&encode(&image)), Some(image));
    }

    #[test]
    fn damaged_or_foreign_texts_are_refused() {
        let good = encode(&vec![0.0; PIXELS]);
        for bad in [
            "",
            "p",
            "x",
            "p!!!!",
            "pAAAA",
            &good[..good.len() - 3],
            &good.replacen('p', "q", 1),
        ] {
            assert_eq!(decode(bad), None, "{bad}");
        }
        // 785 pixels is not an image.
        let long = miniz_oxide::deflate::compress_to_vec(&[0u8; PIXELS + 1], 10);
        assert_eq!(decode(&format!("p{}", URL_SAFE_NO_PAD.encode(long))), None);
    }
}
