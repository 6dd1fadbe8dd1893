//! Plain numeric analysis the app and the pretraining command share: PCA and error measures.

pub mod metrics;
pub mod pca;

pub use pca::Pca;
