//! Measurable attributes of a digit, the MNIST counterparts of the course's "smile": stroke
//! thickness, slant and width. Each is a plain function of the 28×28 image.

use super::latent::{attribute_vector, class_vector};
use crate::slug::Slug;
use crate::{PIXELS, SIDE};

/// Pixels at or above this intensity count as ink for thickness and width.
const INK: f32 = 0.5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    Thickness,
    Slant,
    Width,
}

crate::slugs!(Attribute {
    Thickness: "thickness";
    Slant: "slant";
    Width: "width";
});

impl Attribute {
    pub fn measure(self, image: &[f32]) -> f32 {
        match self {
            Attribute::Thickness => thickness(image),
            Attribute::Slant => slant(image),
            Attribute::Width => width(image),
        }
    }
}

/// Every attribute measured on every image of a split (images one after another): computed
/// once and shared, since measuring 2,000 digits takes a noticeable moment.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeScores {
    scores: [Vec<f32>; 3],
}

impl AttributeScores {
    pub fn measure(images: &[f32]) -> Self {
        Self {
            scores: Attribute::ALL.map(|a| {
                images
                    .chunks_exact(PIXELS)
                    .map(|img| a.measure(img))
                    .collect()
            }),
        }
    }

    pub fn of(&self, attribute: Attribute) -> &[f32] {
        let k = Attribute::ALL
            .iter()
            .position(|&a| a == attribute)
            .expect("one of ALL");
        &self.scores[k]
    }
}

/// A direction to move a code along: a measured attribute, or towards a digit class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Measured(Attribute),
    Class(u8),
}

impl Direction {
    /// Share of the split at each end of a measured attribute (the thinnest and thickest quarter).
    pub const FRACTION: f32 = 0.25;

    /// The value of a `<select>` option: an attribute's slug, or `class-<k>` (not a [`Slug`]: the
    /// class is a number, so the names are not a fixed table).
    pub fn slug(self) -> String {
        match self {
            Direction::Measured(a) => a.slug().to_string(),
            Direction::Class(k) => format!("class-{k}"),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        match slug.strip_prefix("class-") {
            Some(k) => k.parse().ok().filter(|k| *k < 10).map(Direction::Class),
            None => Attribute::from_slug(slug).map(Direction::Measured),
        }
    }

    /// h_dif over codes of a split (`dim` values each): mean code of the items high in the
    /// attribute − mean code of the low ones, or mean code of the class − mean code of the rest.
    pub fn vector(
        self,
        codes: &[f32],
        dim: usize,
        labels: &[u8],
        scores: &AttributeScores,
    ) -> Vec<f32> {
        match self {
            Direction::Measured(a) => attribute_vector(codes, dim, scores.of(a), Self::FRACTION),
            Direction::Class(c) => class_vector(codes, dim, labels, c),
        }
    }
}

/// Stroke thickness in pixels: ink area divided by half the ink's boundary length. A stroke of
/// length L and width w has area ≈ L·w and a boundary of ≈ 2L, so this estimates w.
pub fn thickness(image: &[f32]) -> f32 {
    let ink = |x: isize, y: isize| {
        (0..SIDE as isize).contains(&x)
            && (0..SIDE as isize).contains(&y)
            && image[y as usize * SIDE + x as usize] >= INK
    };
    let (mut area, mut boundary) = (0usize, 0usize);
    for y in 0..SIDE as isize {
        for x in 0..SIDE as isize {
            if ink(x, y) {
                area += 1;
                boundary += [(1, 0), (-1, 0), (0, 1), (0, -1)]
                    .iter()
                    .filter(|(dx, dy)| !ink(x + dx, y + dy))
                    .count();
            }
        }
    }
    if boundary == 0 {
        0.0
    } else {
        area as f32 / (boundary as f32 / 2.0)
    }
}

/// Slant from the image's second moments: the shear −μ11/μ02 that would make it upright.
/// Positive when the top leans right (image rows grow downwards).
pub fn slant(image: &[f32]) -> f32 {
    let (cx, cy) = crate::data::preprocess::center_of_mass(image, SIDE);
    let (mut mu11, mut mu02) = (0.0f64, 0.0f64);
    for (i, &v) in image.iter().enumerate() {
        let (dx, dy) = ((i % SIDE) as f64 + 0.5 - cx, (i / SIDE) as f64 + 0.5 - cy);
        mu11 += v as f64 * dx * dy;
        mu02 += v as f64 * dy * dy;
    }
    if mu02 == 0.0 {
        0.0
    } else {
        (-mu11 / mu02) as f32
    }
}

/// Width in pixels: the horizontal extent of the ink.
pub fn width(image: &[f32]) -> f32 {
    let cols: Vec<usize> = (0..SIDE)
        .filter(|&x| (0..SIDE).any(|y| image[y * SIDE + x] >= INK))
        .collect();
    match (cols.first(), cols.last()) {
        (Some(a), Some(b)) => (b - a + 1) as f32,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A vertical bar of `w` columns from row 4 to row 23, sheared by `shear` columns per row
    /// (positive: the top leans right).
    fn bar(w: usize, shear: f32) -> Vec<f32> {
        let mut img = vec![0.0; PIXELS];
        for y in 4..24 {
            let offset = ((13.5 - y as f32) * shear).round() as isize;
            for x in 0..w {
                let col = 12 + x as isize + offset;
                if (0..SIDE as isize).contains(&col) {
                    img[y * SIDE + col as usize] = 1.0;
                }
            }
        }
        img
    }

    #[test]
    fn a_thicker_stroke_scores_thicker() {
        let (thin, thick) = (thickness(&bar(2, 0.0)), thickness(&bar(5, 0.0)));
        assert!(thick > thin + 2.0, "thin {thin}, thick {thick}");
        assert!(
            (thin - 2.0).abs() < 0.5,
            "a 2-pixel bar is about 2 thick: {thin}"
        );
    }

    #[test]
    fn a_sheared_stroke_scores_more_slanted() {
        let upright = slant(&bar(3, 0.0));
        let right = slant(&bar(3, 0.4));
        let left = slant(&bar(3, -0.4));
        assert!(upright.abs() < 0.05, "{upright}");
        assert!((right - 0.4).abs() < 0.1, "{right}");
        assert!(left < -0.3, "{left}");
    }

    #[test]
    fn directions_round_trip_through_their_slugs_and_point_the_right_way() {
        for d in [Direction::Measured(Attribute::Slant), Direction::Class(7)] {
            assert_eq!(Direction::from_slug(&d.slug()), Some(d));
        }
        assert_eq!(Direction::from_slug("class-12"), None);
        assert_eq!(Direction::from_slug("boldness"), None);
        // Two images, a thin and a thick bar, with 1-D codes 0 and 1: thicker is +1.
        let images = [bar(2, 0.0), bar(6, 0.0)].concat();
        let scores = AttributeScores::measure(&images);
        assert!(scores.of(Attribute::Thickness)[1] > scores.of(Attribute::Thickness)[0]);
        let up = Direction::Measured(Attribute::Thickness).vector(&[0.0, 1.0], 1, &[0, 1], &scores);
        assert_eq!(up, vec![1.0]);
        assert_eq!(
            Direction::Class(1).vector(&[0.0, 1.0], 1, &[0, 1], &scores),
            vec![1.0]
        );
    }

    #[test]
    fn width_is_the_horizontal_extent() {
        assert_eq!(width(&bar(4, 0.0)), 4.0);
        assert!(width(&bar(3, 0.4)) > 8.0);
        assert_eq!(width(&vec![0.0; PIXELS]), 0.0);
    }
}
