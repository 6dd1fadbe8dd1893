//! Plain numeric analysis the app and the pretraining command share: PCA, error measures,
//! latent-space arithmetic and digit attributes.

pub mod attributes;
pub mod clustering_metrics;
pub mod elbo;
pub mod kmeans;
pub mod latent;
pub mod latent_map;
pub mod metrics;
pub mod pca;
pub mod retrieval;
pub mod roc;
pub mod scores;
pub mod subspace;

pub use pca::Pca;
