//! Numbers as each language writes them: a decimal comma and a dot between thousands in Romanian
//! (0,0131 and 1.521), the other way round in English (0.0131 and 1,521).

use super::Lang;

/// How many decimals to show: exactly `n`, or as many as the value needs (up to `max`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Decimals {
    Exactly(usize),
    UpTo(usize),
}

/// `value` written for `lang`, with `decimals`, grouped by thousands when `group` is set.
pub fn format_number(value: f64, decimals: Decimals, group: bool, lang: Lang) -> String {
    if !value.is_finite() {
        return if value.is_nan() {
            "NaN".into()
        } else if value > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    let mut text = match decimals {
        Decimals::Exactly(n) => format!("{value:.n$}"),
        Decimals::UpTo(n) => {
            let fixed = format!("{value:.n$}");
            if fixed.contains('.') {
                fixed
                    .trim_end_matches('0')
                    .trim_end_matches('.')
                    .to_string()
            } else {
                fixed
            }
        }
    };
    // "-0" (a tiny negative rounded away) reads as a bug to a student.
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text.remove(0);
    }
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("−", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    let (decimal_mark, group_mark) = match lang {
        Lang::En => ('.', ','),
        Lang::Ro => (',', '.'),
    };
    let mut out = String::from(sign);
    let digits = int.len();
    for (i, c) in int.chars().enumerate() {
        if group && i > 0 && (digits - i) % 3 == 0 {
            out.push(group_mark);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal_mark);
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanian_uses_a_decimal_comma_and_english_a_point() {
        assert_eq!(
            format_number(0.01314, Decimals::Exactly(4), true, Lang::Ro),
            "0,0131"
        );
        assert_eq!(
            format_number(0.01314, Decimals::Exactly(4), true, Lang::En),
            "0.0131"
        );
        assert_eq!(
            format_number(1521.0, Decimals::Exactly(0), true, Lang::Ro),
            "1.521"
        );
        assert_eq!(
            format_number(1521.0, Decimals::Exactly(0), true, Lang::En),
            "1,521"
        );
        assert_eq!(
            format_number(1234567.5, Decimals::Exactly(1), true, Lang::Ro),
            "1.234.567,5"
        );
        assert_eq!(
            format_number(123.0, Decimals::Exactly(0), true, Lang::En),
            "123"
        );
    }

    #[test]
    fn up_to_trims_trailing_zeros_and_signs_are_typographic() {
        assert_eq!(format_number(0.5, Decimals::UpTo(3), true, Lang::Ro), "0,5");
        assert_eq!(format_number(2.0, Decimals::UpTo(3), true, Lang::En), "2");
        assert_eq!(
            format_number(-1.25, Decimals::UpTo(2), true, Lang::En),
            "−1.25"
        );
        assert_eq!(
            format_number(-0.0001, Decimals::Exactly(2), true, Lang::En),
            "0.00"
        );
        assert_eq!(
            format_number(1521.0, Decimals::UpTo(0), false, Lang::Ro),
            "1521"
        );
        assert_eq!(
            format_number(f64::NAN, Decimals::UpTo(2), true, Lang::Ro),
            "NaN"
        );
    }
}
