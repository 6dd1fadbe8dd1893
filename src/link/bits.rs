//! A 28×28 occlusion mask in a link: one bit per pixel, deflated, URL-safe base64 after an `m`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::PIXELS;

pub fn encode(hidden: &[bool]) -> String {
    let mut bytes = vec![0u8; hidden.len().div_ceil(8)];
    for (i, _) in hidden.iter().enumerate().filter(|(_, h)| **h) {
        bytes[i / 8] |= 1 << (i % 8);
    }
    let packed = miniz_oxide::deflate::compress_to_vec(&bytes, 10);
    format!("m{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The mask of a link text, or `None` if it is not exactly 784 bits of one.
pub fn decode(text: &str) -> Option<Vec<bool>> {
    let packed = URL_SAFE_NO_PAD.decode(text.strip_prefix('m')?).ok()?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, PIXELS / 8 + 1).ok()?;
    (bytes.len() == PIXELS / 8).then(|| {
        (0..PIXELS)
            .map(|i| bytes[i / 8] >> (i % 8) & 1 == 1)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_round_trip_and_damage_is_refused() {
        let hidden: Vec<bool> = (0..PIXELS)
            .map(|i| (i / 28) % 5 == 0 || i % 7 == 3)
            .collect();
        assert_eq!(decode(&encode(&hidden)), Some(hidden));
        let empty = encode(&[false; PIXELS]);
        assert!(empty.len() < 30, "an empty mask is short: {empty}");
        for bad in ["", "m", "mZZZ", "p", &empty[..empty.len() - 2]] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
