//! The bundled MNIST digits and the preprocessing that turns a drawing into an MNIST-like input.

pub mod bundle;
pub mod colouring;
pub mod corrupt;
pub mod noise;
pub mod outliers;
pub mod preprocess;
pub mod sketch;
pub mod split;

pub use bundle::{BundleError, Dataset, Split};
pub use preprocess::{Grayscale, to_mnist};
