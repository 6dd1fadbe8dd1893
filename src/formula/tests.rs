use super::*;

/// Every formula, with and without live numbers, in both languages.
fn all(lang: Lang) -> Vec<String> {
    vec![
        encoder(),
        decoder(),
        reconstruction_loss(None),
        reconstruction_loss(Some((0.0131, lang))),
        bottleneck(16, 784, lang),
        bottleneck(1024, 784, lang),
        sparse_l1(None, None, lang),
        sparse_l1(Some(0.001), Some(0.5), lang),
        sparse_kl(Some(0.05), lang),
        denoising(),
        contractive(Some(0.01), lang),
        reparameterisation(Some((0.5, 1.2, -0.3, lang))),
        elbo(Some((98.2, 25.4, lang))),
        gaussian_kl(Some((25.4, lang))),
        generation(),
        interpolation(Some((3, 10, lang))),
        attribute_vector(Some(1.5), lang),
        binary_cross_entropy(),
        pca_projection(),
        kmeans_objective(),
        colourisation(),
        euclidean_distance(),
        mean_squared_error(Some((0.0131, lang))),
        gan_game(),
        gan_discriminator_loss(Some((1.386, lang))),
        gan_generator_loss(Some((0.693, lang))),
    ]
}

/// Checks that the tags open and close in order (the markup a browser would build).
fn balanced(markup: &str) -> bool {
    let mut open: Vec<&str> = Vec::new();
    for piece in markup.split('<').skip(1) {
        let tag = piece.split(['>', ' ']).next().unwrap_or("");
        if let Some(closing) = tag.strip_prefix('/') {
            if open.pop() != Some(closing) {
                return false;
            }
        } else {
            open.push(tag);
        }
    }
    open.is_empty()
}

#[test]
fn every_formula_is_one_well_formed_math_element() {
    for lang in Lang::ALL {
        for f in all(lang) {
            assert!(f.starts_with("<math display=\"block\""), "{f}");
            assert!(f.ends_with("</math>"), "{f}");
            assert!(balanced(&f), "unbalanced: {f}");
        }
    }
}

#[test]
fn live_numbers_are_written_the_language_s_way() {
    assert!(reconstruction_loss(Some((0.0131, Lang::Ro))).contains("<mn>0,0131</mn>"));
    assert!(reconstruction_loss(Some((0.0131, Lang::En))).contains("<mn>0.0131</mn>"));
    let elbo = elbo(Some((98.25, 25.4, Lang::Ro)));
    assert!(
        elbo.contains("<mn>98,3</mn>") || elbo.contains("<mn>98,2</mn>"),
        "{elbo}"
    );
    assert!(
        elbo.contains("<mn>123,7</mn>") || elbo.contains("<mn>123,6</mn>"),
        "{elbo}"
    );
    assert!(
        interpolation(Some((3, 10, Lang::En))).contains("<mfrac><mn>3</mn><mn>10</mn></mfrac>")
    );
    assert!(attribute_vector(Some(-1.5), Lang::Ro).contains("<mn>−1,5</mn>"));
    // The lecture's own subscript in Romanian.
    assert!(attribute_vector(None, Lang::Ro).contains(">nou</mi>"));
    assert!(attribute_vector(None, Lang::En).contains(">new</mi>"));
    assert!(bottleneck(16, 784, Lang::En).contains("<mo>&lt;</mo>"));
    assert!(bottleneck(1024, 784, Lang::En).contains("<mo>≥</mo>"));
}
