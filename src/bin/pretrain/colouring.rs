//! STAND-IN, to be replaced by `latent_lab::data::colouring` when it lands on main: a verbatim copy
//! of `colourise` and `colourise_batch` from the other worktree's `src/data/colouring.rs` (as of
//! this commit), so that `colour-16` is trained on exactly that colouring. Used by
//! `src/bin/pretrain.rs` (`mod colouring;`) and `tests/applications_models.rs` (`#[path]`); the
//! integrator deletes this file and imports `latent_lab::data::colouring::{colourise_batch, ...}`
//! in both places instead. The colouring: hue from the class (36° apart), HSV value = the grey
//! intensity, saturation from the stroke's thickness (0.4 + 0.6 × the 3 × 3 mean ink); planar
//! RGB, 3 × 784 values in [0, 1].
#![allow(dead_code)]

use latent_lab::{PIXELS, SIDE};

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
