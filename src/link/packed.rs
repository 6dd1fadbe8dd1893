//! A whole file carried by a link (a homework assignment): deflated, then URL-safe base64, behind
//! the prefix `z`. Unpacking never inflates past a limit, so a crafted link cannot exhaust memory.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The link text of `bytes`.
pub fn pack(bytes: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(bytes, 10);
    format!("z{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The bytes of a link text made by [`pack`], if it is one and inflates to at most `limit` bytes.
pub fn unpack(text: &str, limit: usize) -> Option<Vec<u8>> {
    let packed = URL_SAFE_NO_PAD.decode(text.strip_prefix('z')?).ok()?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, limit).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_survives_the_link_and_the_text_is_url_safe() {
        let file =
            br#"{"format":"latent-lab-assignment","title":{"ro":"Tem\xc4\x83","en":"Homework"}}"#
                .repeat(20);
        let text = pack(&file);
        assert!(text.len() < file.len(), "repetitive JSON compresses");
        assert!(
            text.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_eq!(unpack(&text, 1 << 20).unwrap(), file);
    }

    #[test]
    fn damaged_foreign_or_oversized_texts_are_refused() {
        let text = pack(&[b'a'; 10_000]);
        assert_eq!(unpack(&text, 9_999), None, "inflating past the limit stops");
        assert_eq!(unpack(&text[1..], 1 << 20), None, "no prefix");
        assert_eq!(unpack("z!!!", 1 << 20), None, "not base64");
        assert_eq!(unpack("zAAAA", 1 << 20), None, "not deflate");
        assert_eq!(unpack(&text[..text.len() / 2], 1 << 20), None, "truncated");
    }
}
