//! Measurable attributes of a digit, the MNIST counterparts of the course's "smile": stroke
//! thickness, slant and width. Each is a plain function of the 28×28 image.

use crate::SIDE;

/// Pixels at or above this intensity count as ink for thickness and width.
const INK: f32 = 0.5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    Thickness,
    Slant,
    Width,
}

impl Attribute {
    pub const ALL: [Attribute; 3] = [Attribute::Thickness, Attribute::Slant, Attribute::Width];

    pub fn slug(self) -> &'static str {
        match self {
            Attribute::Thickness => "thickness",
            Attribute::Slant => "slant",
            Attribute::Width => "width",
        }
    }

    pub fn measure(self, image: &[f32]) -> f32 {
        match self {
            Attribute::Thickness => thickness(image),
            Attribute::Slant => slant(image),
            Attribute::Width => width(image),
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
    use crate::PIXELS;

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
    fn width_is_the_horizontal_extent() {
        assert_eq!(width(&bar(4, 0.0)), 4.0);
        assert!(width(&bar(3, 0.4)) > 8.0);
        assert_eq!(width(&vec![0.0; PIXELS]), 0.0);
    }
}
