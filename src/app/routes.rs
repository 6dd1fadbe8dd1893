//! Hash-based routes (`#/draw`): every view has a URL a teacher can share, and it works on any
//! static host without server-side rewrites. The query after the route is each view's state
//! (see `link`).

use crate::i18n::tk;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Draw,
    Noise,
    Latent,
    Train,
}

impl Route {
    pub const ALL: &'static [Route] = &[Route::Draw, Route::Noise, Route::Latent, Route::Train];

    pub fn slug(self) -> &'static str {
        match self {
            Route::Draw => "draw",
            Route::Noise => "noise",
            Route::Latent => "latent",
            Route::Train => "train",
        }
    }

    /// The translation key of the view's name.
    pub fn title_key(self) -> &'static str {
        match self {
            Route::Draw => tk("nav-draw"),
            Route::Noise => tk("nav-noise"),
            Route::Latent => tk("nav-latent"),
            Route::Train => tk("nav-train"),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Route> {
        Route::ALL.iter().copied().find(|r| r.slug() == slug)
    }
}
