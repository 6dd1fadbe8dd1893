//! The digit a view works on, in a link (`d=`): a test digit by its index (`d=42`), a drawing by
//! its pixels (`d=p…`, see [`super::pixels`]), or an empty pad (`d=`).

use super::{Issue, pixels};
use crate::data::Split;
use crate::data::sketch::Sketch;

#[derive(Clone, Debug, PartialEq)]
pub enum DigitRef {
    Empty,
    /// Test digit number `i`.
    Test(usize),
    /// A drawing's 784 pixels (8-bit levels as fractions).
    Pixels(Vec<f32>),
}

impl DigitRef {
    /// Reads `d`; an index past the `tests` test digits is clamped to the last one.
    pub fn read(text: &str, tests: usize) -> Result<(DigitRef, Option<Issue>), Issue> {
        if text.is_empty() {
            return Ok((DigitRef::Empty, None));
        }
        if text.starts_with('p') {
            return pixels::decode(text)
                .map(|p| (DigitRef::Pixels(p), None))
                .ok_or(Issue::Malformed);
        }
        let (i, issue) = super::value::whole(text, 0..=tests.saturating_sub(1) as u64)?;
        Ok((DigitRef::Test(i as usize), issue))
    }

    /// For a view that always works on some digit: an empty pad means test digit 0.
    pub fn or_first(self) -> DigitRef {
        match self {
            DigitRef::Empty => DigitRef::Test(0),
            d => d,
        }
    }

    /// The digit's 784 pixels (test digit 0 for an empty pad).
    pub fn image(&self, test: &Split) -> Vec<f32> {
        match self {
            DigitRef::Pixels(p) => p.clone(),
            DigitRef::Test(i) => test.image(*i),
            DigitRef::Empty => test.image(0),
        }
    }

    pub fn write(&self) -> String {
        match self {
            DigitRef::Empty => String::new(),
            DigitRef::Test(i) => i.to_string(),
            DigitRef::Pixels(p) => pixels::encode(p),
        }
    }

    /// The pad's sketch as a link names it: a lone test digit by index, anything drawn by the
    /// pixels of its model input.
    pub fn of_sketch(sketch: &Sketch, input: Option<&[f32]>) -> DigitRef {
        match (sketch.background, sketch.strokes.is_empty(), input) {
            (Some(i), true, _) if sketch.pixels.is_none() => DigitRef::Test(i),
            (_, _, Some(pixels)) => DigitRef::Pixels(pixels.to_vec()),
            _ => DigitRef::Empty,
        }
    }

    /// The sketch that shows this digit on the pad.
    pub fn to_sketch(&self) -> Sketch {
        match self {
            DigitRef::Empty => Sketch::default(),
            DigitRef::Test(i) => Sketch {
                background: Some(*i),
                ..Sketch::default()
            },
            DigitRef::Pixels(p) => Sketch {
                pixels: Some(pixels::levels(p)),
                ..Sketch::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PIXELS;

    #[test]
    fn digits_round_trip_through_a_link() {
        let mut drawn: Vec<f32> = (0..PIXELS).map(|i| (i % 13) as f32 / 12.0).collect();
        pixels::quantise(&mut drawn);
        for d in [DigitRef::Empty, DigitRef::Test(42), DigitRef::Pixels(drawn)] {
            assert_eq!(DigitRef::read(&d.write(), 10_000), Ok((d.clone(), None)));
            let sketch = d.to_sketch();
            let input = match &d {
                DigitRef::Pixels(p) => Some(p.clone()),
                _ => None,
            };
            assert_eq!(DigitRef::of_sketch(&sketch, input.as_deref()), d);
        }
    }

    #[test]
    fn an_empty_pad_stands_for_the_first_test_digit() {
        assert_eq!(DigitRef::Empty.or_first(), DigitRef::Test(0));
        assert_eq!(DigitRef::Test(5).or_first(), DigitRef::Test(5));
        let data = crate::data::Dataset::load_bundled().expect("the bundled digits");
        assert_eq!(DigitRef::Empty.image(&data.test), data.test.image(0));
        assert_eq!(DigitRef::Test(7).image(&data.test), data.test.image(7));
        let drawn = vec![0.5; PIXELS];
        assert_eq!(DigitRef::Pixels(drawn.clone()).image(&data.test), drawn);
    }

    #[test]
    fn bad_digits_are_clamped_or_refused() {
        assert_eq!(
            DigitRef::read("99999", 100),
            Ok((DigitRef::Test(99), Some(Issue::Clamped("99".into()))))
        );
        assert_eq!(DigitRef::read("-3", 100), Err(Issue::Malformed));
        assert_eq!(DigitRef::read("pAAAA", 100), Err(Issue::Malformed));
        assert_eq!(DigitRef::read("seven", 100), Err(Issue::Malformed));
    }
}
