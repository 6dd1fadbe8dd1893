//! What the student drew, as data: pen strokes in pad-relative coordinates, optionally over a test
//! digit. Kept as strokes (not pixels) so it survives a reload (saved as JSON) at any pad size.

use serde::{Deserialize, Serialize};

/// A point on the pad, `x` and `y` in [0, 1] from the top-left corner.
pub type Point = [f32; 2];

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Sketch {
    /// Each stroke is the path of one pen-down … pen-up.
    pub strokes: Vec<Vec<Point>>,
    /// The test digit shown under the strokes, if one was loaded.
    pub background: Option<usize>,
    /// A digit from a link, as its 784 8-bit pixels, shown under the strokes like a test digit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pixels: Option<Vec<u8>>,
}

impl Sketch {
    pub fn is_empty(&self) -> bool {
        self.strokes.is_empty() && self.background.is_none() && self.pixels.is_none()
    }

    /// Whether every point lies on the pad (a stored sketch may have been damaged).
    pub fn is_valid(&self) -> bool {
        self.pixels
            .as_ref()
            .is_none_or(|p| p.len() == crate::PIXELS)
            && self
                .strokes
                .iter()
                .flatten()
                .all(|p| p.iter().all(|v| (0.0..=1.0).contains(v)))
    }
}

/// Pen width as a fraction of the pad's side: a digit drawn across most of the pad then has
/// MNIST's stroke width (about 2–3 of its 20 pixels) after preprocessing.
pub const PEN_WIDTH: f32 = 0.075;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sketches_survive_storage_and_bad_storage_is_ignored() {
        let s = Sketch {
            strokes: vec![vec![[0.1, 0.2], [0.3, 0.4]]],
            background: Some(7),
            pixels: None,
        };
        // Stored as JSON; what is read back is used only if readable and on the pad.
        let read = |json: &str| {
            serde_json::from_str::<Sketch>(json)
                .ok()
                .filter(Sketch::is_valid)
        };
        assert_eq!(read(&serde_json::to_string(&s).unwrap()), Some(s));
        assert_eq!(read("not json"), None);
        assert_eq!(read(r#"{"strokes":[[[2.0,0.5]]],"background":null}"#), None);
        assert!(Sketch::default().is_empty());
        // A sketch saved before links carried pixels still reads.
        assert_eq!(
            read(r#"{"strokes":[],"background":3}"#).map(|s| s.background),
            Some(Some(3))
        );
        let short = Sketch {
            pixels: Some(vec![0; 10]),
            ..Sketch::default()
        };
        assert!(!short.is_valid());
    }
}
