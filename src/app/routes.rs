//! Hash-based routes (`#/draw`, `#/apps/retrieval`): every view has a URL a teacher can share,
//! and it works on any static host without server-side rewrites. A view with tabs names the tab
//! after a slash; the query after the route is each view's state (see `link`).

use crate::i18n::tk;
use crate::model::pretrained::Shipped;

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

impl Route {
    pub const ALL: &'static [Route] = &[
        Route::Draw,
        Route::Noise,
        Route::Latent,
        Route::Train,
        Route::Apps,
        Route::Gan,
        Route::Hw,
        Route::Verify,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Route::Draw => "draw",
            Route::Noise => "noise",
            Route::Latent => "latent",
            Route::Train => "train",
            Route::Apps => "apps",
            Route::Gan => "gan",
            Route::Hw => "hw",
            Route::Verify => "verify",
        }
    }

    /// The translation key of the view's name.
    pub fn title_key(self) -> &'static str {
        match self {
            Route::Draw => tk("nav-draw"),
            Route::Noise => tk("nav-noise"),
            Route::Latent => tk("nav-latent"),
            Route::Train => tk("nav-train"),
            Route::Apps => tk("nav-apps"),
            Route::Gan => tk("nav-gan"),
            Route::Hw => tk("nav-hw"),
            Route::Verify => tk("nav-verify"),
        }
    }

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

    pub fn from_slug(slug: &str) -> Option<Route> {
        Route::ALL.iter().copied().find(|r| r.slug() == slug)
    }

    /// The route of a hash path (`apps/retrieval` → `Apps`), and the tab after the slash.
    pub fn from_path(path: &str) -> Option<(Route, &str)> {
        let (slug, tab) = path.split_once('/').unwrap_or((path, ""));
        Route::from_slug(slug).map(|r| (r, tab))
    }
}
