//! Turning a drawing into an MNIST digit, the way the MNIST authors normalised theirs:
//! crop to the ink's bounding box, scale (anti-aliased) to fit a 20×20 box keeping the aspect
//! ratio, then paste into a 28×28 field so that the centre of mass lands on the centre.

use crate::{PIXELS, SIDE};

/// Side of the box the digit's bounding box is scaled to fit.
pub const FIT: usize = 20;
/// Intensities at or below this count as paper, not ink, when finding the bounding box.
const INK_THRESHOLD: f32 = 0.05;

/// A single-channel image with intensities in [0, 1] (1 = full ink), row-major.
#[derive(Clone, Debug, PartialEq)]
pub struct Grayscale {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<f32>,
}

impl Grayscale {
    pub fn new(width: usize, height: usize) -> Self {
        Self {
            width,
            height,
            pixels: vec![0.0; width * height],
        }
    }

    /// Builds an ink image from RGBA canvas bytes, reading ink from the alpha channel
    /// (the draw pad paints opaque strokes on a transparent canvas).
    pub fn from_rgba_alpha(width: usize, height: usize, rgba: &[u8]) -> Self {
        let pixels = rgba.chunks_exact(4).map(|p| p[3] as f32 / 255.0).collect();
        Self {
            width,
            height,
            pixels,
        }
    }

    fn at(&self, x: usize, y: usize) -> f32 {
        self.pixels[y * self.width + x]
    }

    /// The smallest rectangle `(x0, y0, x1, y1)` (exclusive ends) holding all ink, if any.
    pub fn ink_bounds(&self) -> Option<(usize, usize, usize, usize)> {
        let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
        for y in 0..self.height {
            for x in 0..self.width {
                if self.at(x, y) > INK_THRESHOLD {
                    x0 = x0.min(x);
                    y0 = y0.min(y);
                    x1 = x1.max(x + 1);
                    y1 = y1.max(y + 1);
                }
            }
        }
        (x0 != usize::MAX).then_some((x0, y0, x1, y1))
    }
}

/// The MNIST-style 28×28 input for a drawing; all zeros when nothing is drawn.
pub fn to_mnist(drawing: &Grayscale) -> Vec<f32> {
    let Some((x0, y0, x1, y1)) = drawing.ink_bounds() else {
        return vec![0.0; PIXELS];
    };
    let (w, h) = (x1 - x0, y1 - y0);
    let scale = FIT as f64 / w.max(h) as f64;
    let out_w = ((w as f64 * scale).round() as usize).clamp(1, FIT);
    let out_h = ((h as f64 * scale).round() as usize).clamp(1, FIT);
    let fitted = resample_area(drawing, (x0, y0, w, h), out_w, out_h);
    center_by_mass(&fitted, out_w, out_h)
}

/// Area-averaging resample of the crop `(x0, y0, w, h)` to `out_w × out_h`: each output pixel is
/// the mean of the source area it covers, counting partly covered source pixels by their overlap.
/// This is the anti-aliasing a box filter gives, and it keeps thin strokes from vanishing.
fn resample_area(
    src: &Grayscale,
    (x0, y0, w, h): (usize, usize, usize, usize),
    out_w: usize,
    out_h: usize,
) -> Vec<f32> {
    let sx = w as f64 / out_w as f64;
    let sy = h as f64 / out_h as f64;
    let mut out = vec![0.0f32; out_w * out_h];
    for oy in 0..out_h {
        let (fy0, fy1) = (oy as f64 * sy, (oy + 1) as f64 * sy);
        for ox in 0..out_w {
            let (fx0, fx1) = (ox as f64 * sx, (ox + 1) as f64 * sx);
            let mut sum = 0.0f64;
            for iy in fy0.floor() as usize..(fy1.ceil() as usize).min(h) {
                let wy = overlap(fy0, fy1, iy as f64);
                for ix in fx0.floor() as usize..(fx1.ceil() as usize).min(w) {
                    let wx = overlap(fx0, fx1, ix as f64);
                    sum += wx * wy * src.at(x0 + ix, y0 + iy) as f64;
                }
            }
            out[oy * out_w + ox] = (sum / (sx * sy)) as f32;
        }
    }
    out
}

/// Length of the overlap of `[a, b)` with the unit cell `[i, i + 1)`.
fn overlap(a: f64, b: f64, i: f64) -> f64 {
    (b.min(i + 1.0) - a.max(i)).max(0.0)
}

/// Pastes a `w × h` patch into a 28×28 field so that its centre of mass sits at the field's centre.
fn center_by_mass(patch: &[f32], w: usize, h: usize) -> Vec<f32> {
    let (cx, cy) = center_of_mass(patch, w);
    let half = SIDE as f64 / 2.0;
    let dx = (half - cx).round() as isize;
    let dy = (half - cy).round() as isize;
    let mut out = vec![0.0; PIXELS];
    for y in 0..h {
        for x in 0..w {
            let (tx, ty) = (x as isize + dx, y as isize + dy);
            if (0..SIDE as isize).contains(&tx) && (0..SIDE as isize).contains(&ty) {
                out[ty as usize * SIDE + tx as usize] = patch[y * w + x].clamp(0.0, 1.0);
            }
        }
    }
    out
}

/// Centre of mass `(x, y)` of an image `width` wide, in continuous coordinates where pixel
/// `(i, j)` covers `[i, i + 1) × [j, j + 1)`.
pub fn center_of_mass(image: &[f32], width: usize) -> (f64, f64) {
    let (mut mass, mut mx, mut my) = (0.0f64, 0.0f64, 0.0f64);
    for (i, &v) in image.iter().enumerate() {
        let v = v as f64;
        mass += v;
        mx += v * ((i % width) as f64 + 0.5);
        my += v * ((i / width) as f64 + 0.5);
    }
    if mass == 0.0 {
        let height = image.len() / width.max(1);
        return (width as f64 / 2.0, height as f64 / 2.0);
    }
    (mx / mass, my / mass)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paints a thick line segment onto a canvas, like a pen stroke.
    fn stroke(img: &mut Grayscale, from: (f64, f64), to: (f64, f64), radius: f64) {
        for y in 0..img.height {
            for x in 0..img.width {
                let p = (x as f64 + 0.5, y as f64 + 0.5);
                let (dx, dy) = (to.0 - from.0, to.1 - from.1);
                let t = (((p.0 - from.0) * dx + (p.1 - from.1) * dy) / (dx * dx + dy * dy))
                    .clamp(0.0, 1.0);
                let (qx, qy) = (from.0 + t * dx, from.1 + t * dy);
                if ((p.0 - qx).powi(2) + (p.1 - qy).powi(2)).sqrt() <= radius {
                    img.pixels[y * img.width + x] = 1.0;
                }
            }
        }
    }

    fn bounds28(img: &[f32]) -> (usize, usize, usize, usize) {
        Grayscale {
            width: SIDE,
            height: SIDE,
            pixels: img.to_vec(),
        }
        .ink_bounds()
        .unwrap()
    }

    #[test]
    fn an_off_centre_tall_stroke_is_fitted_to_20_pixels_and_centred() {
        let mut pad = Grayscale::new(280, 280);
        // A "1" in the top-left corner of the pad, 150 px tall.
        stroke(&mut pad, (40.0, 20.0), (50.0, 170.0), 10.0);
        let digit = to_mnist(&pad);
        let (x0, y0, x1, y1) = bounds28(&digit);
        assert_eq!(y1 - y0, FIT, "height fills the 20-pixel box");
        assert!(
            x1 - x0 < 8,
            "aspect ratio kept: a thin stroke stays thin ({} px)",
            x1 - x0
        );
        let (cx, cy) = center_of_mass(&digit, SIDE);
        assert!(
            (cx - 14.0).abs() <= 0.5 && (cy - 14.0).abs() <= 0.5,
            "centre of mass at ({cx}, {cy})"
        );
        assert!(digit.iter().all(|v| (0.0..=1.0).contains(v)));
    }

    #[test]
    fn a_wide_shape_is_fitted_by_its_width_and_anti_aliased() {
        let mut pad = Grayscale::new(300, 200);
        // A horizontal bar, 240 px wide, 24 px thick, low on the pad.
        stroke(&mut pad, (30.0, 160.0), (270.0, 160.0), 12.0);
        let digit = to_mnist(&pad);
        let (x0, _, x1, _) = bounds28(&digit);
        assert_eq!(x1 - x0, FIT);
        let partial = digit.iter().filter(|&&v| v > 0.05 && v < 0.95).count();
        assert!(
            partial > 0,
            "edges get intermediate grey levels (anti-aliasing)"
        );
        let (cx, cy) = center_of_mass(&digit, SIDE);
        assert!(
            (cx - 14.0).abs() <= 0.5 && (cy - 14.0).abs() <= 0.5,
            "centre of mass at ({cx}, {cy})"
        );
    }

    #[test]
    fn mass_is_preserved_by_area_resampling() {
        let mut pad = Grayscale::new(200, 200);
        stroke(&mut pad, (20.0, 20.0), (180.0, 180.0), 8.0);
        let (x0, y0, x1, y1) = pad.ink_bounds().unwrap();
        let (w, h) = (x1 - x0, y1 - y0);
        let out = resample_area(&pad, (x0, y0, w, h), 20, 20);
        let scale = (w * h) as f64 / 400.0;
        let src_mass: f64 = pad.pixels.iter().map(|&v| v as f64).sum();
        let out_mass: f64 = out.iter().map(|&v| v as f64).sum::<f64>() * scale;
        assert!((src_mass - out_mass).abs() / src_mass < 1e-4);
    }

    #[test]
    fn an_empty_pad_gives_a_blank_input() {
        assert_eq!(to_mnist(&Grayscale::new(50, 50)), vec![0.0; PIXELS]);
    }

    #[test]
    fn alpha_channel_is_read_as_ink() {
        let rgba = [0, 0, 0, 255, 10, 10, 10, 0];
        let img = Grayscale::from_rgba_alpha(2, 1, &rgba);
        assert_eq!(img.pixels, vec![1.0, 0.0]);
    }
}
