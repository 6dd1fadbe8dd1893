//! The toy plot's geometry and colours, as plain numbers: which part of the plane it shows, where
//! a point lands on the canvas (and back, for drawing a target with the pointer), the grid the
//! discriminator's field is evaluated on, and the heat map's colour for D(x).

/// A square window onto the plane: x and y both run over `[-half, half]`, y pointing up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub half: f32,
}

impl Default for ViewBox {
    /// Every toy target lies within ±2.6 (the ring has radius 2 and spread 0.2); the margin shows
    /// where the generator's points start and stray.
    fn default() -> Self {
        Self { half: 3.5 }
    }
}

impl ViewBox {
    /// A plane point as canvas pixels (origin top left) on a `size × size` canvas.
    pub fn to_canvas(&self, [x, y]: [f32; 2], size: f64) -> (f64, f64) {
        let s = size / (2.0 * f64::from(self.half));
        (
            (f64::from(x) + f64::from(self.half)) * s,
            (f64::from(self.half) - f64::from(y)) * s,
        )
    }

    /// The plane point under a pointer at fractions `(fx, fy)` of the canvas' width and height.
    pub fn from_fraction(&self, (fx, fy): (f64, f64)) -> [f32; 2] {
        let h = f64::from(self.half);
        [((2.0 * fx - 1.0) * h) as f32, ((1.0 - 2.0 * fy) * h) as f32]
    }

    /// `p` moved by `(dx, dy)` plane units, kept inside the window (the keyboard's drawing cross).
    pub fn nudge(&self, p: [f32; 2], dx: f32, dy: f32) -> [f32; 2] {
        [
            (p[0] + dx).clamp(-self.half, self.half),
            (p[1] + dy).clamp(-self.half, self.half),
        ]
    }

    /// The centres of `n` equal cells across the window, left to right (also bottom to top: the
    /// field's rows are `ys`, so row 0 is the bottom of the plot).
    pub fn cell_centres(&self, n: usize) -> Vec<f32> {
        let cell = 2.0 * self.half / n as f32;
        (0..n)
            .map(|i| -self.half + cell * (i as f32 + 0.5))
            .collect()
    }
}

/// The heat map's colour of D(x) = `p`: green where D says "real" (p → 1), purple where it says
/// "fake" (p → 0), near white at ½ (GAN Lab's convention). Values outside [0, 1] are clamped;
/// NaN shows as the undecided white.
pub fn field_colour(p: f32) -> [u8; 3] {
    const REAL: [f32; 3] = [46.0, 160.0, 67.0];
    const FAKE: [f32; 3] = [136.0, 84.0, 208.0];
    const MIDDLE: [f32; 3] = [247.0, 247.0, 247.0];
    let p = if p.is_nan() { 0.5 } else { p.clamp(0.0, 1.0) };
    let (towards, t) = if p >= 0.5 {
        (REAL, (p - 0.5) * 2.0)
    } else {
        (FAKE, (0.5 - p) * 2.0)
    };
    // Lightened: the points drawn on top must stay readable.
    let t = t * 0.7;
    std::array::from_fn(|i| (MIDDLE[i] + (towards[i] - MIDDLE[i]) * t).round() as u8)
}

/// An arrow from `point` along `−gradient` (the way G moves the point), scaled so that the
/// longest of a batch's arrows is `longest` plane units; `None` for a zero or non-finite gradient.
pub fn arrow_end(
    point: [f32; 2],
    gradient: [f32; 2],
    max_norm: f32,
    longest: f32,
) -> Option<[f32; 2]> {
    let norm = gradient[0].hypot(gradient[1]);
    if !(norm.is_finite() && norm > 0.0 && max_norm.is_finite() && max_norm > 0.0) {
        return None;
    }
    let scale = longest / max_norm;
    Some([
        point[0] - gradient[0] * scale,
        point[1] - gradient[1] * scale,
    ])
}

/// The largest gradient norm of `gradients` (`[gx0, gy0, gx1, gy1, …]`), finite ones only.
pub fn max_norm(gradients: &[f32]) -> f32 {
    gradients
        .chunks_exact(2)
        .map(|g| g[0].hypot(g[1]))
        .filter(|n| n.is_finite())
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canvas_and_plane_map_both_ways() {
        let b = ViewBox { half: 2.0 };
        assert_eq!(b.to_canvas([-2.0, 2.0], 400.0), (0.0, 0.0));
        assert_eq!(b.to_canvas([2.0, -2.0], 400.0), (400.0, 400.0));
        assert_eq!(b.to_canvas([0.0, 0.0], 400.0), (200.0, 200.0));
        // y points up on the plot.
        assert!(b.to_canvas([0.0, 1.0], 400.0).1 < 200.0);
        for p in [[0.5f32, -1.25], [-1.9, 1.1]] {
            let (cx, cy) = b.to_canvas(p, 300.0);
            let back = b.from_fraction((cx / 300.0, cy / 300.0));
            assert!((back[0] - p[0]).abs() < 1e-5 && (back[1] - p[1]).abs() < 1e-5);
        }
    }

    #[test]
    fn the_cross_moves_and_stays_inside() {
        let b = ViewBox { half: 1.0 };
        assert_eq!(b.nudge([0.0, 0.0], 0.5, -0.25), [0.5, -0.25]);
        assert_eq!(b.nudge([0.9, -0.9], 0.5, -0.5), [1.0, -1.0]);
    }

    #[test]
    fn cells_cover_the_window_symmetrically() {
        let c = ViewBox { half: 3.0 }.cell_centres(6);
        assert_eq!(c, vec![-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]);
    }

    #[test]
    fn colours_run_from_fake_through_white_to_real() {
        let (fake, middle, real) = (field_colour(0.0), field_colour(0.5), field_colour(1.0));
        assert_eq!(middle, [247, 247, 247]);
        assert!(real[1] > real[0] && real[1] > real[2], "green: {real:?}");
        assert!(fake[2] > fake[1], "purple: {fake:?}");
        assert_eq!(field_colour(f32::NAN), middle);
        assert_eq!(field_colour(7.0), real);
    }

    #[test]
    fn arrows_point_against_the_gradient_and_share_one_scale() {
        let g = [3.0, 4.0, 0.0, 1.0];
        assert_eq!(max_norm(&g), 5.0);
        let end = arrow_end([1.0, 1.0], [3.0, 4.0], 5.0, 0.5).unwrap();
        assert!((end[0] - 0.7).abs() < 1e-6 && (end[1] - 0.6).abs() < 1e-6);
        let short = arrow_end([0.0, 0.0], [0.0, 1.0], 5.0, 0.5).unwrap();
        assert!((short[1] + 0.1).abs() < 1e-6);
        assert_eq!(arrow_end([0.0, 0.0], [0.0, 0.0], 5.0, 0.5), None);
        assert_eq!(arrow_end([0.0, 0.0], [f32::NAN, 0.0], 5.0, 0.5), None);
    }
}
