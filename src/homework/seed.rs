//! Each student's own seed for a task, so two students of a class never hand in the same run and
//! a teacher can derive the seed again from the report alone.

/// A student's id as the seed sees it: trimmed, lowercase, without whitespace inside
/// (`" Ana Pop "` and `"anapop"` are the same student).
pub fn normalise_id(student_id: &str) -> String {
    student_id
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The seed of task `task` (numbered from 1) for `student_id` in the assignment whose hash is
/// `assignment_hash`: the first 8 bytes (big-endian) of
/// SHA-256(`"latent-lab/v1\n{hash}\n{normalised id}\n{task}"`), masked to 32 bits (the lab's seeds
/// run from 0 to 4294967295).
pub fn student_seed(assignment_hash: &str, student_id: &str, task: usize) -> u64 {
    use sha2::{Digest, Sha256};
    let text = format!(
        "latent-lab/v1\n{assignment_hash}\n{}\n{task}",
        normalise_id(student_id)
    );
    let digest = Sha256::digest(text.as_bytes());
    let first = u64::from_be_bytes(digest[..8].try_into().expect("a digest has 32 bytes"));
    first & u32::MAX as u64
}

/// The text hashed for the seed (for the documentation's worked example).
pub fn seed_text(assignment_hash: &str, student_id: &str, task: usize) -> String {
    format!(
        "latent-lab/v1\n{assignment_hash}\n{}\n{task}",
        normalise_id(student_id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::homework::sha256_hex;

    #[test]
    fn the_seed_is_the_hash_prefix_masked_to_32_bits() {
        let hash = "ab".repeat(32);
        let digest = sha256_hex(seed_text(&hash, "Ana", 1).as_bytes());
        let expected = u64::from_str_radix(&digest[8..16], 16).unwrap();
        assert_eq!(student_seed(&hash, "Ana", 1), expected);
        assert!(student_seed(&hash, "Ana", 1) <= u32::MAX as u64);
    }

    #[test]
    fn ids_are_normalised() {
        assert_eq!(normalise_id("  Ana  Pop\t"), "anapop");
        assert_eq!(normalise_id("ȘTEFAN"), "ștefan");
    }
}
