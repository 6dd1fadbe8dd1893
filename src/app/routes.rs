//! Hash-based routes (`#/draw`): every view has a URL a teacher can share, and it works on any
//! static host without server-side rewrites.

use leptos::prelude::*;

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

    pub fn title(self) -> &'static str {
        match self {
            Route::Draw => "Draw & reconstruct",
            Route::Noise => "Noise & occlusion",
            Route::Latent => "Latent space",
            Route::Train => "Training lab",
        }
    }

    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    fn from_hash(hash: &str) -> Route {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        Route::ALL
            .iter()
            .copied()
            .find(|r| r.slug() == slug)
            .unwrap_or(Route::Draw)
    }
}

/// The route of the current URL, kept up to date on `hashchange`.
pub fn current_route() -> ReadSignal<Route> {
    let read = || Route::from_hash(&window().location().hash().unwrap_or_default());
    let (route, set_route) = signal(read());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| set_route.set(read()));
    on_cleanup(move || handle.remove());
    route
}
