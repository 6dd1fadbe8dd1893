//! What a student types into a form, checked before it reaches the state it edits: the error
//! says what is wrong, and the form shows it beside the field as a sentence of the chosen
//! language.

use crate::i18n::{Arg, Decimals, Text};

/// What a number field accepts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberRule {
    pub min: f64,
    pub max: f64,
    pub integer: bool,
}

impl NumberRule {
    pub const fn integer(min: f64, max: f64) -> Self {
        Self {
            min,
            max,
            integer: true,
        }
    }

    pub const fn real(min: f64, max: f64) -> Self {
        Self {
            min,
            max,
            integer: false,
        }
    }

    /// The number typed, or why it is not accepted.
    pub fn parse(&self, text: &str) -> Result<f64, NumberProblem> {
        let text = text.trim();
        let v: f64 = text
            .parse()
            .map_err(|_| NumberProblem::NotANumber(text.to_string()))?;
        if self.integer && v.fract() != 0.0 {
            return Err(NumberProblem::NotWhole(v));
        }
        if !(self.min..=self.max).contains(&v) {
            return Err(NumberProblem::OutOfRange {
                min: self.min,
                max: self.max,
            });
        }
        Ok(v)
    }
}

/// Why a number field refused what was typed.
#[derive(Clone, Debug, PartialEq)]
pub enum NumberProblem {
    /// The text is not a number (or not a finite one).
    NotANumber(String),
    /// A fraction where a whole number is needed.
    NotWhole(f64),
    /// Outside the field's limits.
    OutOfRange { min: f64, max: f64 },
}

impl NumberProblem {
    /// The sentence the form shows beside the field.
    pub fn text(&self) -> Text {
        let number = |v: f64| Arg::Num(v, Decimals::UpTo(6));
        match self {
            NumberProblem::NotANumber(text) => {
                Text::new("field-not-a-number").with("text", text.clone())
            }
            NumberProblem::NotWhole(v) => Text::new("field-not-whole").with("value", number(*v)),
            NumberProblem::OutOfRange { min, max } => Text::new("field-out-of-range")
                .with("min", number(*min))
                .with("max", number(*max)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_numbers_in_range_and_explains_the_rest() {
        let seed = NumberRule::integer(0.0, 100.0);
        assert_eq!(seed.parse(" 42 "), Ok(42.0));
        assert_eq!(
            seed.parse("-5"),
            Err(NumberProblem::OutOfRange {
                min: 0.0,
                max: 100.0
            })
        );
        assert_eq!(seed.parse("2.5"), Err(NumberProblem::NotWhole(2.5)));
        assert_eq!(
            seed.parse(" "),
            Err(NumberProblem::NotANumber(String::new()))
        );
        assert_eq!(
            seed.parse("seven"),
            Err(NumberProblem::NotANumber("seven".into()))
        );
        let rate = NumberRule::real(1e-6, 1.0);
        assert_eq!(rate.parse("0.003"), Ok(0.003));
        assert!(rate.parse("NaN").is_err(), "NaN is in no range");
    }

    #[test]
    fn the_sentences_read_in_both_languages() {
        use crate::i18n::Lang;
        let latent = NumberRule::integer(1.0, 1024.0);
        let range = latent.parse("5000").unwrap_err().text();
        assert_eq!(range.in_lang(Lang::En), "enter a value from 1 to 1024");
        assert_eq!(range.in_lang(Lang::Ro), "introdu o valoare de la 1 la 1024");
        let rate = NumberRule::real(1e-6, 1.0).parse("2").unwrap_err().text();
        assert_eq!(
            rate.in_lang(Lang::Ro),
            "introdu o valoare de la 0,000001 la 1"
        );
        let half = latent.parse("2.5").unwrap_err().text();
        assert_eq!(half.in_lang(Lang::En), "2.5 is not a whole number");
        assert_eq!(half.in_lang(Lang::Ro), "2,5 nu este un număr întreg");
        let word = latent.parse("șapte").unwrap_err().text();
        assert_eq!(word.in_lang(Lang::Ro), "„șapte” nu este un număr");
    }
}
