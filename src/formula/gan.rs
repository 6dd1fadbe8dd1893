//! The GAN's formulas (the lecture's section 4.4): the two-player game and each player's loss.

use super::build::{mi, mn, mo, row, sub, text_op};
use super::{math, num};
use crate::i18n::Lang;

/// `name(arg)`.
fn call(name: &str, arg: &str) -> String {
    row(&[mi(name), mo("("), arg.to_string(), mo(")")])
}

/// D(G(z)).
fn d_of_g() -> String {
    call("D", &call("G", &mi("z")))
}

/// 𝔼_`over`[`inside`].
fn expectation(over: &str, inside: &[String]) -> String {
    let mut parts = vec![sub(&text_op("𝔼"), &mi(over)), mo("[")];
    parts.extend_from_slice(inside);
    parts.push(mo("]"));
    row(&parts)
}

/// 𝔼_x[log D(x)]: D's verdict on real samples.
fn on_real() -> String {
    expectation("x", &[text_op("log"), call("D", &mi("x"))])
}

/// 𝔼_z[log(1 − D(G(z)))]: D's verdict on G's samples.
fn on_fake() -> String {
    expectation(
        "z",
        &[text_op("log"), mo("("), mn("1"), mo("−"), d_of_g(), mo(")")],
    )
}

/// min_G max_D V(D, G) = 𝔼_x[log D(x)] + 𝔼_z[log(1 − D(G(z)))]: the GAN's two-player game.
pub fn gan_game() -> String {
    math(
        "min_G max_D V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))]",
        &row(&[
            sub(&text_op("min"), &mi("G")),
            sub(&text_op("max"), &mi("D")),
            mi("V"),
            mo("("),
            mi("D"),
            mo(","),
            mi("G"),
            mo(")"),
            mo("="),
            on_real(),
            mo("+"),
            on_fake(),
        ]),
    )
}

/// A loss `ℒ_player = terms`, with its current value if known.
fn loss(label: &str, player: &str, mut parts: Vec<String>, value: Option<(f64, Lang)>) -> String {
    parts.splice(0..0, [sub(&mi("ℒ"), &mi(player)), mo("=")]);
    if let Some((v, lang)) = value {
        parts.extend([mo("="), num(v, 3, lang)]);
    }
    math(label, &row(&parts))
}

/// The discriminator's loss, with its current value if known.
pub fn gan_discriminator_loss(value: Option<(f64, Lang)>) -> String {
    loss(
        "L_D = −E_x[log D(x)] − E_z[log(1 − D(G(z)))]",
        "D",
        vec![mo("−"), on_real(), mo("−"), on_fake()],
        value,
    )
}

/// The non-saturating generator loss −𝔼_z[log D(G(z))], with its current value if known.
pub fn gan_generator_loss(value: Option<(f64, Lang)>) -> String {
    loss(
        "L_G = −E_z[log D(G(z))]",
        "G",
        vec![mo("−"), expectation("z", &[text_op("log"), d_of_g()])],
        value,
    )
}
