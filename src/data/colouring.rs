//! The synthetic colouring that the colourisation autoencoder learns: MNIST has no colour, so a
//! digit's colour is made to follow from its shape.
//!
//! - **Hue from the class**: each digit class has one hue, 36° apart around the colour wheel
//!   ([`HUES_DEGREES`]): 0 red (0°), 1 orange (36°), 2 yellow (72°), 3 yellow-green (108°),
//!   4 green (144°), 5 cyan (180°), 6 sky blue (216°), 7 blue (252°), 8 violet (288°),
//!   9 magenta (324°).
//! - **Brightness from the ink**: the HSV value of a pixel is its grey intensity, so the
//!   background stays black, the ink keeps its intensity ordering, and the brightest channel of
//!   the colour image gives back the grey image exactly ([`grey_of`]).
//! - **Saturation from the stroke's thickness**: S = [`MIN_SATURATION`] + (1 − MIN_SATURATION) ×
//!   the mean ink of the pixel's 3 × 3 neighbourhood (pixels outside the image count as 0), so
//!   the core of a thick stroke is fully coloured and thin strokes and edges are paler.
//!
//! Only the hue needs the class, and the class is visible only in the digit's whole shape: an
//! autoencoder that sees the grey digit must recognise it to pick the hue. A drawing halfway
//! between two digits (a 4 that could be a 9) leaves it undecided, and it mixes their hues.
//!
//! Images are **planar**: 3 × 784 values, all of R, then all of G, then all of B, each plane
//! row-major 28 × 28 like the grey image, every value in [0, 1].

use crate::{PIXELS, SIDE};

/// One hue per digit class, in degrees.
pub const HUES_DEGREES: [f32; 10] = [
    0.0, 36.0, 72.0, 108.0, 144.0, 180.0, 216.0, 252.0, 288.0, 324.0,
];

/// Saturation of an isolated pixel of ink (a stroke one pixel wide is paler than a thick one).
pub const MIN_SATURATION: f32 = 0.4;

/// Values in a colour image (three planes of 784).
pub const COLOUR_VALUES: usize = 3 * PIXELS;

/// The colour version of one grey digit (784 values in [0, 1]) of class `class` (0–9):
/// 3 × 784 values, planar R, G, B. Values outside [0, 1] are clamped first.
pub fn colourise(grey: &[f32], class: u8) -> Vec<f32> {
    assert_eq!(grey.len(), PIXELS, "a grey digit has {PIXELS} pixels");
    assert!(class < 10, "digit classes are 0–9, not {class}");
    let hue = HUES_DEGREES[class as usize];
    let ink = |r: isize, c: isize| {
        if (0..SIDE as isize).contains(&r) && (0..SIDE as isize).contains(&c) {
            grey[r as usize * SIDE + c as usize].clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let mut out = vec![0.0; COLOUR_VALUES];
    for r in 0..SIDE as isize {
        for c in 0..SIDE as isize {
            let value = ink(r, c);
            if value == 0.0 {
                continue;
            }
            let mut local = 0.0;
            for dr in -1..=1 {
                for dc in -1..=1 {
                    local += ink(r + dr, c + dc);
                }
            }
            let saturation = MIN_SATURATION + (1.0 - MIN_SATURATION) * local / 9.0;
            let rgb = hsv_to_rgb(hue, saturation, value);
            let i = r as usize * SIDE + c as usize;
            for (plane, v) in rgb.into_iter().enumerate() {
                out[plane * PIXELS + i] = v;
            }
        }
    }
    out
}

/// [`colourise`] for a batch: `labels.len()` grey digits one after another in, as many colour
/// images (3 × 784 each, planar) one after another out.
pub fn colourise_batch(greys: &[f32], labels: &[u8]) -> Vec<f32> {
    assert_eq!(greys.len(), labels.len() * PIXELS, "one label per digit");
    greys
        .chunks_exact(PIXELS)
        .zip(labels)
        .flat_map(|(g, &l)| colourise(g, l))
        .collect()
}

/// The grey image behind a colour image: per pixel the brightest channel (HSV value), which
/// undoes [`colourise`] exactly.
pub fn grey_of(rgb: &[f32]) -> Vec<f32> {
    assert_eq!(
        rgb.len(),
        COLOUR_VALUES,
        "a colour image has 3 × {PIXELS} values"
    );
    (0..PIXELS)
        .map(|i| rgb[i].max(rgb[PIXELS + i]).max(rgb[2 * PIXELS + i]))
        .collect()
}

/// The perceived brightness of a colour image (Rec. 709 luma: 0.2126 R + 0.7152 G + 0.0722 B).
/// Unlike [`grey_of`] it depends on the hue (blue is dark), so it does not undo the colouring.
pub fn luminance(rgb: &[f32]) -> Vec<f32> {
    assert_eq!(
        rgb.len(),
        COLOUR_VALUES,
        "a colour image has 3 × {PIXELS} values"
    );
    (0..PIXELS)
        .map(|i| 0.2126 * rgb[i] + 0.7152 * rgb[PIXELS + i] + 0.0722 * rgb[2 * PIXELS + i])
        .collect()
}

/// A planar colour image as RGBA bytes (784 × 4, opaque), ready for a canvas's `ImageData`.
pub fn to_rgba8(rgb: &[f32]) -> Vec<u8> {
    assert_eq!(
        rgb.len(),
        COLOUR_VALUES,
        "a colour image has 3 × {PIXELS} values"
    );
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    (0..PIXELS)
        .flat_map(|i| {
            [
                byte(rgb[i]),
                byte(rgb[PIXELS + i]),
                byte(rgb[2 * PIXELS + i]),
                255,
            ]
        })
        .collect()
}

/// The fully saturated, full-brightness colour of a class (for legends), as [R, G, B].
pub fn class_colour(class: u8) -> [f32; 3] {
    assert!(class < 10, "digit classes are 0–9, not {class}");
    hsv_to_rgb(HUES_DEGREES[class as usize], 1.0, 1.0)
}

/// HSV (hue in degrees, saturation and value in [0, 1]) to RGB in [0, 1].
fn hsv_to_rgb(hue: f32, saturation: f32, value: f32) -> [f32; 3] {
    let chroma = value * saturation;
    let h = hue.rem_euclid(360.0) / 60.0;
    let x = chroma * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = value - chroma;
    [r + m, g + m, b + m]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hue in degrees of an RGB colour with some chroma.
    fn hue_of([r, g, b]: [f32; 3]) -> f32 {
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let d = max - min;
        assert!(d > 0.0, "no chroma");
        let h = if max == r {
            60.0 * ((g - b) / d)
        } else if max == g {
            60.0 * ((b - r) / d + 2.0)
        } else {
            60.0 * ((r - g) / d + 4.0)
        };
        h.rem_euclid(360.0)
    }

    fn pixel(rgb: &[f32], i: usize) -> [f32; 3] {
        [rgb[i], rgb[PIXELS + i], rgb[2 * PIXELS + i]]
    }

    /// A thick vertical bar (columns 10–17, rows 4–23) at full ink with a fading edge column on
    /// each side, and a thin faint diagonal.
    fn digit() -> Vec<f32> {
        let mut g = vec![0.0; PIXELS];
        for r in 4..24 {
            for c in 10..18 {
                g[r * SIDE + c] = 1.0;
            }
            g[r * SIDE + 9] = 0.5;
            g[r * SIDE + 18] = 0.25;
        }
        for i in 2..8 {
            g[i * SIDE + i + 18] = 0.3;
        }
        g
    }

    #[test]
    fn each_class_gets_its_hue() {
        let grey = digit();
        let core = 12 * SIDE + 13;
        let mut centres = Vec::new();
        for class in 0..10u8 {
            let rgb = colourise(&grey, class);
            let colour = pixel(&rgb, core);
            let want = HUES_DEGREES[class as usize];
            let diff = (hue_of(colour) - want).rem_euclid(360.0);
            assert!(diff.min(360.0 - diff) < 0.5, "class {class}: {colour:?}");
            // The thick core is fully saturated and at full brightness.
            assert!((colour.iter().cloned().fold(0.0, f32::max) - 1.0).abs() < 1e-6);
            assert!(colour.iter().cloned().fold(1.0, f32::min).abs() < 1e-6);
            // Every inked pixel has the class's hue.
            for i in (0..PIXELS).filter(|&i| grey[i] > 0.0) {
                let diff = (hue_of(pixel(&rgb, i)) - want).rem_euclid(360.0);
                assert!(diff.min(360.0 - diff) < 0.5);
            }
            centres.push(colour);
        }
        // Hues are 36° apart, so class colours differ clearly.
        for a in 0..10 {
            for b in a + 1..10 {
                let d: f32 = (0..3).map(|j| (centres[a][j] - centres[b][j]).abs()).sum();
                assert!(d > 0.3, "classes {a} and {b}");
            }
        }
        assert_eq!(class_colour(0), [1.0, 0.0, 0.0]);
    }

    #[test]
    fn background_stays_black() {
        let grey = digit();
        for class in 0..10 {
            let rgb = colourise(&grey, class);
            for i in (0..PIXELS).filter(|&i| grey[i] == 0.0) {
                assert_eq!(pixel(&rgb, i), [0.0; 3]);
            }
        }
        assert!(colourise(&vec![0.0; PIXELS], 3).iter().all(|&v| v == 0.0));
    }

    #[test]
    fn ink_keeps_its_intensity_and_order() {
        let grey = digit();
        let rgb = colourise(&grey, 7);
        let back = grey_of(&rgb);
        for (a, b) in grey.iter().zip(&back) {
            assert!((a - b).abs() < 1e-6);
        }
        // Brighter ink, brighter colour (brightest channel), pixel by pixel.
        let mut order: Vec<usize> = (0..PIXELS).collect();
        order.sort_by(|&a, &b| grey[a].total_cmp(&grey[b]));
        for w in order.windows(2) {
            if grey[w[0]] < grey[w[1]] {
                assert!(back[w[0]] < back[w[1]]);
            }
        }
        // Thin, isolated ink is paler (less saturated) than the core of a thick stroke.
        let thin = pixel(&rgb, 3 * SIDE + 21);
        let sat = |c: [f32; 3]| {
            let max = c[0].max(c[1]).max(c[2]);
            (max - c[0].min(c[1]).min(c[2])) / max
        };
        assert!(sat(thin) < 0.6 && sat(pixel(&rgb, 12 * SIDE + 13)) > 0.99);
    }

    #[test]
    fn deterministic_batches_and_bytes() {
        let grey = digit();
        assert_eq!(colourise(&grey, 4), colourise(&grey, 4));
        let batch = colourise_batch(&[grey.clone(), grey.clone()].concat(), &[2, 9]);
        assert_eq!(batch.len(), 2 * COLOUR_VALUES);
        assert_eq!(&batch[..COLOUR_VALUES], colourise(&grey, 2).as_slice());
        assert_eq!(&batch[COLOUR_VALUES..], colourise(&grey, 9).as_slice());
        let bytes = to_rgba8(&colourise(&grey, 0));
        assert_eq!(bytes.len(), PIXELS * 4);
        let core = 12 * SIDE + 13;
        assert_eq!(&bytes[core * 4..core * 4 + 4], &[255, 0, 0, 255]);
        assert_eq!(&bytes[..4], &[0, 0, 0, 255]);
        // Luma of a blue core is far below that of a green one: the hue matters to it.
        let blue = luminance(&colourise(&grey, 7))[core];
        let green = luminance(&colourise(&grey, 4))[core];
        assert!(blue < green);
    }
}
