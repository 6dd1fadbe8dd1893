//! The course's formulas as MathML (rendered natively by Chromium, Firefox and Safari; no maths
//! library). Each function returns one `<math>` element; where the app has live numbers (the
//! current digit's ELBO terms, the slider's α), they are written into the formula the way the
//! chosen language writes numbers. The words around a formula come from the translation files.

mod build;
mod gan;

pub use gan::{gan_discriminator_loss, gan_game, gan_generator_loss};

use build::{frac, hat, mi, mn, mo, norm_sq_f, row, sub, subsup, sum_over, sup, text_op};

use crate::i18n::{Decimals, Lang, number::format_number};

/// A number inside a formula.
fn num(value: f64, decimals: usize, lang: Lang) -> String {
    mn(&format_number(
        value,
        Decimals::Exactly(decimals),
        true,
        lang,
    ))
}

/// `<math>` around a row; `display="block"` centres it on its own line.
fn math(label: &str, body: &str) -> String {
    format!(
        r#"<math display="block" aria-label="{}">{body}</math>"#,
        build::escape(label).replace('"', "&quot;")
    )
}

fn f_of_x() -> String {
    row(&[mi("f"), mo("("), mi("x"), mo(")")])
}

fn g_of_f_of(x: &str) -> String {
    row(&[
        mi("g"),
        mo("("),
        mi("f"),
        mo("("),
        x.to_string(),
        mo(")"),
        mo(")"),
    ])
}

/// 𝒩(0, I), the standard normal distribution.
fn standard_normal() -> String {
    row(&[mi("𝒩"), mo("("), mn("0"), mo(","), mi("I"), mo(")")])
}

fn x_tilde() -> String {
    build::over(&mi("x"), "~")
}

/// h = f(x): the encoder (codor) gives the feature descriptor h.
pub fn encoder() -> String {
    math("h = f(x)", &row(&[mi("h"), mo("="), f_of_x()]))
}

/// r = g(h) = g(f(x)): the decoder (decodor) reconstructs.
pub fn decoder() -> String {
    math(
        "r = g(h) = g(f(x))",
        &row(&[
            mi("r"),
            mo("="),
            mi("g"),
            mo("("),
            mi("h"),
            mo(")"),
            mo("="),
            g_of_f_of(&mi("x")),
        ]),
    )
}

/// L(x, g(f(x))), with its value for the current digit when known.
pub fn reconstruction_loss(value: Option<(f64, Lang)>) -> String {
    let mut parts = vec![
        mi("L"),
        mo("("),
        mi("x"),
        mo(","),
        g_of_f_of(&mi("x")),
        mo(")"),
    ];
    if let Some((v, lang)) = value {
        parts.extend([mo("="), num(v, 4, lang)]);
    }
    math("L(x, g(f(x)))", &row(&parts))
}

/// dim(h) < dim(x) (undercomplete) or dim(h) ≥ dim(x) (overcomplete), with the sizes.
pub fn bottleneck(latent: usize, input: usize, lang: Lang) -> String {
    let relation = if latent < input { "<" } else { "≥" };
    let dim = |v: &str, n: usize| {
        row(&[
            text_op("dim"),
            mo("("),
            mi(v),
            mo(")"),
            mo("="),
            num(n as f64, 0, lang),
        ])
    };
    math(
        &format!("dim(h) {relation} dim(x)"),
        &row(&[dim("h", latent), mo(relation), dim("x", input)]),
    )
}

/// Ω(h) = λ Σᵢ |hᵢ| (the L1 sparse penalty), with λ and its value during training.
pub fn sparse_l1(lambda: Option<f64>, value: Option<f64>, lang: Lang) -> String {
    let mut parts = vec![
        mi("Ω"),
        mo("("),
        mi("h"),
        mo(")"),
        mo("="),
        lambda.map_or_else(|| mi("λ"), |l| num(l, 4, lang)),
        sum_over("i"),
        mo("|"),
        sub(&mi("h"), &mi("i")),
        mo("|"),
    ];
    if let Some(v) = value {
        parts.extend([mo("="), num(v, 4, lang)]);
    }
    math("Ω(h) = λ Σ |h_i|", &row(&parts))
}

/// Ω(h) = Σⱼ KL(ρ ‖ ρ̂ⱼ), ρ̂ⱼ = (1/m) Σᵢ aⱼ(xᵢ): the KL form of the sparse penalty.
pub fn sparse_kl(rho: Option<f64>, lang: Lang) -> String {
    let rho_hat_j = sub(&hat(&mi("ρ")), &mi("j"));
    let rho = rho.map_or_else(|| mi("ρ"), |r| num(r, 2, lang));
    math(
        "Ω(h) = Σ_j KL(ρ ‖ ρ̂_j)",
        &row(&[
            mi("Ω"),
            mo("("),
            mi("h"),
            mo(")"),
            mo("="),
            sum_over("j"),
            text_op("KL"),
            mo("("),
            rho,
            mo("‖"),
            rho_hat_j.clone(),
            mo(")"),
            mo(","),
            rho_hat_j,
            mo("="),
            frac(&mn("1"), &mi("m")),
            sum_over("i"),
            sub(&mi("a"), &mi("j")),
            mo("("),
            sub(&mi("x"), &mi("i")),
            mo(")"),
        ]),
    )
}

/// L(x, g(f(x̃))), x̃ = x + n: the denoising objective.
pub fn denoising() -> String {
    math(
        "L(x, g(f(x̃))), x̃ = x + n",
        &row(&[
            mi("L"),
            mo("("),
            mi("x"),
            mo(","),
            g_of_f_of(&x_tilde()),
            mo(")"),
            mo(","),
            x_tilde(),
            mo("="),
            mi("x"),
            mo("+"),
            mi("n"),
        ]),
    )
}

/// λ‖∂f(x)/∂x‖²_F: the contractive penalty.
pub fn contractive(lambda: Option<f64>, lang: Lang) -> String {
    let jacobian = frac(&row(&[mi("∂"), f_of_x()]), &row(&[mi("∂"), mi("x")]));
    math(
        "Ω(h, x) = λ ‖∂f(x)/∂x‖²_F",
        &row(&[
            mi("Ω"),
            mo("("),
            mi("h"),
            mo(","),
            mi("x"),
            mo(")"),
            mo("="),
            lambda.map_or_else(|| mi("λ"), |l| num(l, 4, lang)),
            norm_sq_f(&jacobian),
        ]),
    )
}

/// z = μ + σ ⊙ ε, ε ~ N(0, I): the reparameterisation, with one dimension's numbers if given.
pub fn reparameterisation(values: Option<(f64, f64, f64, Lang)>) -> String {
    let mut parts = vec![
        mi("z"),
        mo("="),
        mi("μ"),
        mo("+"),
        mi("σ"),
        mo("⊙"),
        mi("ε"),
        mo(","),
        mi("ε"),
        mo("∼"),
        standard_normal(),
    ];
    if let Some((mu, sigma, eps, lang)) = values {
        parts.extend([
            mo(";"),
            sub(&mi("z"), &mn("1")),
            mo("="),
            num(mu, 2, lang),
            mo("+"),
            num(sigma, 2, lang),
            mo("·"),
            mo("("),
            num(eps, 2, lang),
            mo(")"),
            mo("="),
            num(mu + sigma * eps, 2, lang),
        ]);
    }
    math("z = μ + σ ⊙ ε", &row(&parts))
}

/// The ELBO as a loss: reconstruction term plus KL, with the current digit's two terms if known.
pub fn elbo(terms: Option<(f64, f64, Lang)>) -> String {
    let q = sub(&mi("q"), &mi("φ"));
    let mut parts = vec![
        mi("ℒ"),
        mo("="),
        mo("−"),
        sub(
            &text_op("𝔼"),
            &row(&[q.clone(), mo("("), mi("z"), mo("|"), mi("x"), mo(")")]),
        ),
        mo("["),
        text_op("log"),
        sub(&mi("p"), &mi("θ")),
        mo("("),
        mi("x"),
        mo("|"),
        mi("z"),
        mo(")"),
        mo("]"),
        mo("+"),
        sub(&mi("D"), &text_op("KL")),
        mo("("),
        q,
        mo("("),
        mi("z"),
        mo("|"),
        mi("x"),
        mo(")"),
        mo("‖"),
        mi("p"),
        mo("("),
        mi("z"),
        mo(")"),
        mo(")"),
    ];
    if let Some((rec, kl, lang)) = terms {
        parts.extend([
            mo("="),
            num(rec, 1, lang),
            mo("+"),
            num(kl, 1, lang),
            mo("="),
            num(rec + kl, 1, lang),
        ]);
    }
    math("L = −E[log p(x|z)] + D_KL(q(z|x) ‖ p(z))", &row(&parts))
}

/// The closed-form KL of N(μ, σ²) from N(0, I), summed over the latent dimensions j, with the
/// current digit's total if known (the view lists each dimension's share beside it).
pub fn gaussian_kl(total: Option<(f64, Lang)>) -> String {
    let mut parts = vec![
        sub(&mi("D"), &text_op("KL")),
        mo("="),
        frac(&mn("1"), &mn("2")),
        sum_over("j"),
        mo("("),
        subsup(&mi("μ"), &mi("j"), &mn("2")),
        mo("+"),
        subsup(&mi("σ"), &mi("j"), &mn("2")),
        mo("−"),
        text_op("log"),
        subsup(&mi("σ"), &mi("j"), &mn("2")),
        mo("−"),
        mn("1"),
        mo(")"),
    ];
    if let Some((v, lang)) = total {
        parts.extend([mo("="), num(v, 2, lang)]);
    }
    math("D_KL = ½ Σ_j (μ_j² + σ_j² − log σ_j² − 1)", &row(&parts))
}

/// p(z) = 𝒩(0, I), x = g(z) for z ∼ p(z): a VAE generates by decoding samples of its prior.
pub fn generation() -> String {
    math(
        "p(z) = N(0, I), x = g(z), z ~ p(z)",
        &row(&[
            mi("p"),
            mo("("),
            mi("z"),
            mo(")"),
            mo("="),
            standard_normal(),
            mo(";"),
            mi("x"),
            mo("="),
            mi("g"),
            mo("("),
            mi("z"),
            mo(")"),
            mo(","),
            mi("z"),
            mo("∼"),
            mi("p"),
            mo("("),
            mi("z"),
            mo(")"),
        ]),
    )
}

/// hᵢ = h₁ + (h₂ − h₁)·i/N, with the slider's i and N.
pub fn interpolation(step: Option<(usize, usize, Lang)>) -> String {
    let h = |s: &str| sub(&mi("h"), &mn(s));
    let fraction = match step {
        Some((i, n, lang)) => frac(&num(i as f64, 0, lang), &num(n as f64, 0, lang)),
        None => frac(&mi("i"), &mi("N")),
    };
    math(
        "h_i = h_1 + (h_2 − h_1) · i/N",
        &row(&[
            sub(&mi("h"), &mi("i")),
            mo("="),
            h("1"),
            mo("+"),
            mo("("),
            h("2"),
            mo("−"),
            h("1"),
            mo(")"),
            mo("·"),
            fraction,
        ]),
    )
}

/// h_nou = h + α·h_dif (the lecture's Romanian; h_new in English), with the slider's α if given.
pub fn attribute_vector(alpha: Option<f64>, lang: Lang) -> String {
    let alpha = alpha.map_or_else(|| mi("α"), |a| num(a, 1, lang));
    let new = match lang {
        Lang::Ro => "nou",
        Lang::En => "new",
    };
    math(
        &format!("h_{new} = h + α · h_dif"),
        &row(&[
            sub(&mi("h"), &text_op(new)),
            mo("="),
            mi("h"),
            mo("+"),
            alpha,
            mo("·"),
            sub(&mi("h"), &text_op("dif")),
        ]),
    )
}

/// d(q, g) = ‖h_q − h_g‖: the Euclidean distance between two descriptors.
pub fn euclidean_distance() -> String {
    let h = |s: &str| sub(&mi("h"), &mi(s));
    math(
        "d(q, g) = ‖h_q − h_g‖",
        &row(&[
            mi("d"),
            mo("("),
            mi("q"),
            mo(","),
            mi("g"),
            mo(")"),
            mo("="),
            mo("‖"),
            h("q"),
            mo("−"),
            h("g"),
            mo("‖"),
        ]),
    )
}

/// L(x, g(f(γ(x)))): the colourisation objective, γ(x) the grey version of the colour image x.
pub fn colourisation() -> String {
    let grey = row(&[mi("γ"), mo("("), mi("x"), mo(")")]);
    math(
        "L(x, g(f(γ(x))))",
        &row(&[
            mi("L"),
            mo("("),
            mi("x"),
            mo(","),
            g_of_f_of(&grey),
            mo(")"),
        ]),
    )
}

/// min Σⱼ Σ_{h∈Cⱼ} ‖h − μⱼ‖²: the k-means objective over clusters Cⱼ with centres μⱼ.
pub fn kmeans_objective() -> String {
    let mu_j = sub(&mi("μ"), &mi("j"));
    math(
        "min Σ_j Σ_{h ∈ C_j} ‖h − μ_j‖²",
        &row(&[
            text_op("min"),
            sum_over("j"),
            format!(
                "<munder>{}{}</munder>",
                mo("∑"),
                row(&[mi("h"), mo("∈"), sub(&mi("C"), &mi("j"))])
            ),
            sup(&row(&[mo("‖"), mi("h"), mo("−"), mu_j, mo("‖")]), &mn("2")),
        ]),
    )
}

/// z = Wᵀ(x − x̄): PCA's projection onto its first principal directions (the columns of W).
pub fn pca_projection() -> String {
    math(
        "z = Wᵀ(x − x̄)",
        &row(&[
            mi("z"),
            mo("="),
            sup(&mi("W"), &mi("⊤")),
            mo("("),
            mi("x"),
            mo("−"),
            build::over(&mi("x"), "¯"),
            mo(")"),
        ]),
    )
}

/// The binary cross-entropy of a reconstruction r of x, summed over the pixels.
pub fn binary_cross_entropy() -> String {
    let x = sub(&mi("x"), &mi("k"));
    let r = sub(&mi("r"), &mi("k"));
    math(
        "BCE = −Σ_k [x_k log r_k + (1 − x_k) log(1 − r_k)]",
        &row(&[
            text_op("BCE"),
            mo("="),
            mo("−"),
            sum_over("k"),
            mo("["),
            x.clone(),
            text_op("log"),
            r.clone(),
            mo("+"),
            mo("("),
            mn("1"),
            mo("−"),
            x,
            mo(")"),
            text_op("log"),
            mo("("),
            mn("1"),
            mo("−"),
            r,
            mo(")"),
            mo("]"),
        ]),
    )
}

/// The mean squared error per pixel over the 784 pixels, with its value if known.
pub fn mean_squared_error(value: Option<(f64, Lang)>) -> String {
    let mut parts = vec![
        text_op("MSE"),
        mo("="),
        frac(&mn("1"), &mn("784")),
        sum_over("k"),
        sup(
            &row(&[
                mo("("),
                sub(&mi("x"), &mi("k")),
                mo("−"),
                sub(&mi("r"), &mi("k")),
                mo(")"),
            ]),
            &mn("2"),
        ),
    ];
    if let Some((v, lang)) = value {
        parts.extend([mo("="), num(v, 4, lang)]);
    }
    math("MSE = 1/784 Σ_k (x_k − r_k)²", &row(&parts))
}

#[cfg(test)]
mod tests;
