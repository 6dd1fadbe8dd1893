//! The few MathML elements the formulas need, as strings. Text is escaped, so a number or a
//! symbol can never break the markup.

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An identifier (italic when one letter).
pub fn mi(text: &str) -> String {
    format!("<mi>{}</mi>", escape(text))
}

/// An operator or fence.
pub fn mo(text: &str) -> String {
    format!("<mo>{}</mo>", escape(text))
}

/// A number.
pub fn mn(text: &str) -> String {
    format!("<mn>{}</mn>", escape(text))
}

/// A named operator or word set upright (dim, log, KL, MSE).
pub fn text_op(text: &str) -> String {
    format!(r#"<mi mathvariant="normal">{}</mi>"#, escape(text))
}

pub fn row(parts: &[String]) -> String {
    format!("<mrow>{}</mrow>", parts.concat())
}

pub fn sub(base: &str, index: &str) -> String {
    format!("<msub>{base}{index}</msub>")
}

pub fn sup(base: &str, power: &str) -> String {
    format!("<msup>{base}{power}</msup>")
}

pub fn subsup(base: &str, index: &str, power: &str) -> String {
    format!("<msubsup>{base}{index}{power}</msubsup>")
}

pub fn frac(numerator: &str, denominator: &str) -> String {
    format!("<mfrac>{numerator}{denominator}</mfrac>")
}

/// A symbol set over a base (x̃, ρ̂).
pub fn over(base: &str, accent: &str) -> String {
    format!(r#"<mover accent="true">{base}{}</mover>"#, mo(accent))
}

pub fn hat(base: &str) -> String {
    over(base, "^")
}

/// Σ with its index below.
pub fn sum_over(index: &str) -> String {
    format!("<munder>{}{}</munder>", mo("∑"), mi(index))
}

/// ‖inner‖²_F (the squared Frobenius norm).
pub fn norm_sq_f(inner: &str) -> String {
    subsup(
        &row(&[mo("‖"), inner.to_string(), mo("‖")]),
        &mi("F"),
        &mn("2"),
    )
}
