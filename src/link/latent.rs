//! The latent view's state in a link: points pinned on the maps (`pa=0.12,-1.3,2,0.5`), the
//! interpolation's endpoints (`a=t42`, `a=cur`, `a=p0.1,0.2,-1,0.3`) and the seeds. Every reader
//! clamps what is out of range (and says so) and refuses what it cannot read; none panics.

use crate::link::Issue;
use crate::link::value::{number, whole, write_number};

/// Map coordinates a link may ask for: far beyond any code of the shipped models, so the limit
/// only stops absurd values.
pub const MAP_LIMIT: f32 = 1000.0;

/// Seeds are drawn below this (and a link's seed is clamped below it).
pub const SEED_LIMIT: u64 = 1_000_000_000;

/// A map point rounded to 3 decimals: far finer than a pointer can place it, and short in a link.
pub fn round_point(p: [f32; 2]) -> [f32; 2] {
    p.map(|v| (v * 1000.0).round() / 1000.0)
}

/// `x,y,x,y,…`: numbers separated by commas.
fn write_numbers(values: impl IntoIterator<Item = f32>) -> String {
    values
        .into_iter()
        .map(write_number)
        .collect::<Vec<_>>()
        .join(",")
}

/// Exactly `count` numbers within ±[`MAP_LIMIT`]; clamped ones are reported with the whole
/// clamped list.
fn read_numbers(text: &str, count: usize) -> Result<(Vec<f32>, bool), Issue> {
    let pieces: Vec<&str> = text.split(',').collect();
    if pieces.len() != count {
        return Err(Issue::Malformed);
    }
    let mut clamped = false;
    let values = pieces
        .into_iter()
        .map(|p| {
            let (v, issue) = number(p, -MAP_LIMIT..=MAP_LIMIT)?;
            clamped |= issue.is_some();
            Ok(v)
        })
        .collect::<Result<Vec<f32>, Issue>>()?;
    Ok((values, clamped))
}

/// Points pinned on one map, at most `max` of them: `x,y,x,y`, or empty for none.
pub fn read_points(text: &str, max: usize) -> Result<(Vec<[f32; 2]>, Option<Issue>), Issue> {
    if text.is_empty() {
        return Ok((Vec::new(), None));
    }
    let count = text.split(',').count();
    if !count.is_multiple_of(2) || count / 2 > max {
        return Err(Issue::Malformed);
    }
    let (values, clamped) = read_numbers(text, count)?;
    let points: Vec<[f32; 2]> = values.chunks_exact(2).map(|p| [p[0], p[1]]).collect();
    let issue = clamped.then(|| Issue::Clamped(write_points(&points)));
    Ok((points, issue))
}

pub fn write_points(points: &[[f32; 2]]) -> String {
    write_numbers(points.iter().flatten().copied())
}

/// One end of the interpolation.
#[derive(Clone, Debug, PartialEq)]
pub enum End {
    /// Test digit number `i`, encoded by the 16-D models (`t42`).
    Test(usize),
    /// The view's current digit, whatever it becomes (`cur`).
    Current,
    /// A point of each map (the autoencoder's, the VAE's), in map coordinates (`p…` with four
    /// numbers): decoded with the maps' models.
    Pinned { ae: [f32; 2], vae: [f32; 2] },
}

impl End {
    /// Reads an endpoint; a test digit past the `tests` test digits is clamped to the last one.
    pub fn read(text: &str, tests: usize) -> Result<(End, Option<Issue>), Issue> {
        if text == "cur" {
            return Ok((End::Current, None));
        }
        if let Some(index) = text.strip_prefix('t') {
            let (i, issue) = whole(index, 0..=tests.saturating_sub(1) as u64)?;
            let end = End::Test(i as usize);
            let issue = issue.map(|_| Issue::Clamped(end.write()));
            return Ok((end, issue));
        }
        if let Some(points) = text.strip_prefix('p') {
            let (v, clamped) = read_numbers(points, 4)?;
            let end = End::Pinned {
                ae: [v[0], v[1]],
                vae: [v[2], v[3]],
            };
            let issue = clamped.then(|| Issue::Clamped(end.write()));
            return Ok((end, issue));
        }
        Err(Issue::Malformed)
    }

    pub fn write(&self) -> String {
        match self {
            End::Test(i) => format!("t{i}"),
            End::Current => "cur".to_string(),
            End::Pinned { ae, vae } => {
                format!("p{}", write_numbers([ae[0], ae[1], vae[0], vae[1]]))
            }
        }
    }

    pub fn is_pinned(&self) -> bool {
        matches!(self, End::Pinned { .. })
    }
}

/// A seed in `0..SEED_LIMIT`.
pub fn read_seed(text: &str) -> Result<(u64, Option<Issue>), Issue> {
    whole(text, 0..=SEED_LIMIT - 1)
}

/// The interpolation step shown for a slider position `t` ∈ [0, 1] and `n` steps: the nearest
/// i = 0…n, so the decoded image is always one of the strip's.
pub fn step_of(t: f32, n: usize) -> usize {
    ((t.clamp(0.0, 1.0) * n as f32).round() as usize).min(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_round_trip_and_bad_lists_are_refused() {
        for points in [
            vec![],
            vec![[0.125, -1.5]],
            vec![[0.125, -1.5], [3.0, 0.001]],
        ] {
            assert_eq!(
                read_points(&write_points(&points), 2),
                Ok((points.clone(), None))
            );
        }
        assert_eq!(write_points(&[[0.5, -2.0], [1.25, 0.0]]), "0.5,-2,1.25,0");
        assert_eq!(
            read_points("0,5000", 2),
            Ok((
                vec![[0.0, MAP_LIMIT]],
                Some(Issue::Clamped("0,1000".into()))
            ))
        );
        for bad in ["1", "1,2,3", "1,2,3,4,5,6", "a,b", "1,,2", "NaN,1", "1;2"] {
            assert_eq!(read_points(bad, 2), Err(Issue::Malformed), "{bad}");
        }
        let p = round_point([0.123_456, -1.999_9]);
        assert_eq!(write_points(&[p]), "0.123,-2");
    }

    #[test]
    fn endpoints_round_trip_and_bad_ones_are_clamped_or_refused() {
        for end in [
            End::Test(42),
            End::Current,
            End::Pinned {
                ae: [0.5, -1.25],
                vae: [2.0, 0.125],
            },
        ] {
            assert_eq!(End::read(&end.write(), 2000), Ok((end.clone(), None)));
        }
        assert_eq!(End::Test(7).write(), "t7");
        assert_eq!(
            End::read("t99999", 2000),
            Ok((End::Test(1999), Some(Issue::Clamped("t1999".into()))))
        );
        assert_eq!(
            End::read("p0,0,0,-9999", 2000),
            Ok((
                End::Pinned {
                    ae: [0.0, 0.0],
                    vae: [0.0, -MAP_LIMIT]
                },
                Some(Issue::Clamped("p0,0,0,-1000".into()))
            ))
        );
        for bad in ["", "42", "t", "t-1", "current", "p1,2", "p1,2,3,x", "x"] {
            assert_eq!(End::read(bad, 2000), Err(Issue::Malformed), "{bad}");
        }
        assert!(End::read("p1,2,3,4", 10).unwrap().0.is_pinned());
    }

    #[test]
    fn seeds_and_steps_stay_in_range() {
        assert_eq!(read_seed("7"), Ok((7, None)));
        assert_eq!(
            read_seed("99999999999"),
            Ok((SEED_LIMIT - 1, Some(Issue::Clamped("999999999".into()))))
        );
        assert_eq!(read_seed("-1"), Err(Issue::Malformed));
        assert_eq!(step_of(0.0, 8), 0);
        assert_eq!(step_of(1.0, 8), 8);
        assert_eq!(step_of(0.5, 8), 4);
        assert_eq!(step_of(0.3, 8), 2);
        assert_eq!(step_of(7.0, 8), 8);
    }
}
