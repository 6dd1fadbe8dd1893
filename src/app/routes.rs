//! Hash-based routes (`#/draw`, `#/apps/retrieval`): every view has a URL a teacher can share,
//! and it works on any static host without server-side rewrites. A view with tabs names the tab
//! after a slash; the query after the route is each view's state (see `link`).

use crate::i18n::tk;
use crate::model::pretrained::Shipped;
use crate::slug::Slug;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Draw,
    Noise,
    Latent,
    Train,
    Apps,
    Gan,
    Hw,
    Verify,
}

crate::slugs!(Route {
    Draw: "draw", tk("nav-draw");
    Noise: "noise", tk("nav-noise");
    Latent: "latent", tk("nav-latent");
    Train: "train", tk("nav-train");
    Apps: "apps", tk("nav-apps");
    Gan: "gan", tk("nav-gan");
    Hw: "hw", tk("nav-hw");
    Verify: "verify", tk("nav-verify");
});

impl Route {
    /// The models downloaded after start-up (`engine::late`) that the view runs: their progress
    /// shows above it until they are there. (The applications need the 2-D ones for the
    /// dimensionality-reduction tab only, but a tab is not a route.)
    pub fn late_models(self) -> &'static [Shipped] {
        match self {
            Route::Noise => &[Shipped::Dae16, Shipped::Inpaint16],
            Route::Latent | Route::Apps => &[Shipped::Ae2, Shipped::Vae2],
            // The GAN view loads its own model (not one of the autoencoders' slots).
            Route::Draw | Route::Train | Route::Gan | Route::Hw | Route::Verify => &[],
        }
    }

    /// Whether the view trains or searches on the training digits (downloaded after start-up,
    /// `engine::training_digits`): their progress shows above it until they are there.
    pub fn needs_training_digits(self) -> bool {
        matches!(
            self,
            Route::Train | Route::Apps | Route::Gan | Route::Verify
        )
    }

    /// Whether the top bar links to it (the teacher's page is reached from the homework page).
    pub fn in_nav(self) -> bool {
        self != Route::Verify
    }

    /// The route of a hash path (`apps/retrieval` → `Apps`), and the tab after the slash.
    pub fn from_path(path: &str) -> Option<(Route, &str)> {
        let (slug, tab) = path.split_once('/').unwrap_or((path, ""));
        Route::from_slug(slug).map(|r| (r, tab))
    }
}
