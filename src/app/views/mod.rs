//! One folder per view, named as its route. A view reads the shared state from context
//! (`app::state`), lays out components, and calls the engine and the natively tested modules
//! for anything else.

pub mod apps;
pub mod draw;
pub mod gan;
pub mod hw;
pub mod latent;
pub mod noise;
pub mod train;
pub mod verify;
