//! The algorithms behind the clustering and projection window functions (`kmeans`,
//! `silhouette`, `pca`, `umap`), on a partition's vectors read once into a dense matrix.

pub mod kmeans;
pub mod matrix;
pub mod parallel;
pub mod pca;
pub mod umap;
