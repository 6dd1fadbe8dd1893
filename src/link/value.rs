//! Reading one value of a link within its limits, and writing it back shortest-first.

use std::ops::RangeInclusive;

use super::Issue;

/// A real number in `range` at full precision (a link's `0.002` is the form's 0.002 exactly):
/// out-of-range values are clamped (and said so), anything that is not a finite number is
/// malformed.
pub fn real(text: &str, range: RangeInclusive<f64>) -> Result<(f64, Option<Issue>), Issue> {
    let value: f64 = text.trim().parse().map_err(|_| Issue::Malformed)?;
    if !value.is_finite() {
        return Err(Issue::Malformed);
    }
    let clamped = value.clamp(*range.start(), *range.end());
    let issue = (clamped != value).then(|| Issue::Clamped(write_real(clamped)));
    Ok((clamped, issue))
}

/// [`real`] for the `f32` settings (noise levels, α).
pub fn number(text: &str, range: RangeInclusive<f32>) -> Result<(f32, Option<Issue>), Issue> {
    let (value, issue) = real(text, *range.start() as f64..=*range.end() as f64)?;
    let value = value as f32;
    if !value.is_finite() {
        return Err(Issue::Malformed);
    }
    Ok((value, issue.map(|_| Issue::Clamped(write_number(value)))))
}

/// The shortest text that reads back as the same `f64`.
pub fn write_real(value: f64) -> String {
    format!("{value}")
}

/// A whole number in `range`, clamped the same way.
pub fn whole(text: &str, range: RangeInclusive<u64>) -> Result<(u64, Option<Issue>), Issue> {
    let value: u64 = text.trim().parse().map_err(|_| Issue::Malformed)?;
    let clamped = value.clamp(*range.start(), *range.end());
    let issue = (clamped != value).then(|| Issue::Clamped(clamped.to_string()));
    Ok((clamped, issue))
}

/// One of a fixed set of slugs.
pub fn choice<T>(text: &str, from_slug: impl Fn(&str) -> Option<T>) -> Result<T, Issue> {
    from_slug(text).ok_or(Issue::Malformed)
}

/// `1` or `0`.
pub fn flag(text: &str) -> Result<bool, Issue> {
    match text {
        "1" => Ok(true),
        "0" => Ok(false),
        _ => Err(Issue::Malformed),
    }
}

pub fn write_flag(on: bool) -> String {
    if on { "1" } else { "0" }.to_string()
}

/// The shortest text that reads back as the same `f32` (`0.3`, not `0.30000001`).
pub fn write_number(value: f32) -> String {
    // Rust's Display for floats is already the shortest round-tripping form.
    format!("{value}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_clamped_to_their_limits_and_garbage_is_malformed() {
        assert_eq!(number("0.3", 0.0..=1.0), Ok((0.3, None)));
        assert_eq!(
            number("7", 0.0..=1.0),
            Ok((1.0, Some(Issue::Clamped("1".into()))))
        );
        assert_eq!(
            number("-2", 0.0..=1.0),
            Ok((0.0, Some(Issue::Clamped("0".into()))))
        );
        for bad in ["", "abc", "NaN", "inf", "1e99999", "0x10", "1,5"] {
            assert_eq!(number(bad, 0.0..=1.0), Err(Issue::Malformed), "{bad}");
        }
        assert_eq!(
            whole("12", 0..=9),
            Ok((9, Some(Issue::Clamped("9".into()))))
        );
        assert_eq!(whole("-1", 0..=9), Err(Issue::Malformed));
        assert_eq!(
            whole("99999999999999999999999", 0..=9),
            Err(Issue::Malformed)
        );
    }

    #[test]
    fn numbers_round_trip_through_their_shortest_text() {
        for v in [0.3f32, 0.05, 1e-3, 0.123_456_79, 0.0] {
            assert_eq!(number(&write_number(v), 0.0..=1.0), Ok((v, None)));
        }
        assert_eq!(write_number(0.3), "0.3");
        assert_eq!(flag(&write_flag(true)), Ok(true));
        assert_eq!(flag("yes"), Err(Issue::Malformed));
    }
}
