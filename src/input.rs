//! What a student types into a form, checked before it reaches the state it edits: the error is
//! a sentence the form shows beside the field.

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

    /// The number typed, or a sentence saying why it is not accepted.
    pub fn parse(&self, text: &str) -> Result<f64, String> {
        let v: f64 = text
            .trim()
            .parse()
            .map_err(|_| format!("\u{201c}{}\u{201d} is not a number", text.trim()))?;
        if self.integer && v.fract() != 0.0 {
            return Err(format!("{v} is not a whole number"));
        }
        if !(self.min..=self.max).contains(&v) {
            return Err(format!("enter a value from {} to {}", self.min, self.max));
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_numbers_in_range_and_explains_the_rest() {
        let seed = NumberRule::integer(0.0, 100.0);
        assert_eq!(seed.parse(" 42 "), Ok(42.0));
        assert_eq!(seed.parse("-5"), Err("enter a value from 0 to 100".into()));
        assert_eq!(seed.parse("2.5"), Err("2.5 is not a whole number".into()));
        assert!(seed.parse("").unwrap_err().contains("is not a number"));
        let rate = NumberRule::real(1e-6, 1.0);
        assert_eq!(rate.parse("0.003"), Ok(0.003));
        assert!(rate.parse("NaN").is_err(), "NaN is in no range");
    }
}
