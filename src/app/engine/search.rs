//! Nearest neighbours on an engine: the squared distances ‖q‖² + ‖g‖² − 2 q·g of a block of
//! queries to the whole gallery are one Burn matmul (on WebGPU when in use), read back once per
//! block; the k smallest of each row are picked on the host (`analysis::retrieval`), exactly as
//! the natively tested version does.

use burn::prelude::*;

use super::error::EngineError;
use super::models::read;
use crate::analysis::retrieval::{Neighbour, smallest_in_row};

/// Queries per matmul: 256 × 8,000 distances (8 MB) per read-back.
const BLOCK: usize = 256;

/// A gallery uploaded once, with its squared norms, for many blocks of queries.
pub struct TensorGallery {
    rows_t: Tensor<2>,
    norms: Tensor<2>,
    len: usize,
    dim: usize,
    device: Device,
}

impl TensorGallery {
    pub fn new(gallery: &[f32], dim: usize, device: &Device) -> Self {
        let len = gallery.len() / dim;
        let rows: Tensor<2> =
            Tensor::from_data(TensorData::new(gallery.to_vec(), [len, dim]), device);
        // [1, len]: added to every query's row.
        let norms = (rows.clone() * rows.clone()).sum_dim(1).transpose();
        Self {
            rows_t: rows.transpose(),
            norms,
            len,
            dim,
            device: device.clone(),
        }
    }

    /// The `k` nearest gallery items of each query (nearest first). `on_block` is told how many
    /// queries are done after each block (for a progress bar).
    pub async fn nearest(
        &self,
        queries: &[f32],
        k: usize,
        mut on_block: impl FnMut(usize),
    ) -> Result<Vec<Vec<Neighbour>>, EngineError> {
        let mut found = Vec::with_capacity(queries.len() / self.dim);
        let mut order = Vec::with_capacity(self.len);
        for block in queries.chunks(BLOCK * self.dim) {
            let b = block.len() / self.dim;
            let q: Tensor<2> =
                Tensor::from_data(TensorData::new(block.to_vec(), [b, self.dim]), &self.device);
            let q_norms = (q.clone() * q.clone()).sum_dim(1);
            let squared = q
                .matmul(self.rows_t.clone())
                .mul_scalar(-2.0)
                .add(q_norms.expand([b, self.len]))
                .add(self.norms.clone().expand([b, self.len]));
            let rows = read(squared).await?;
            for row in rows.chunks_exact(self.len) {
                found.push(smallest_in_row(row, k, None, &mut order));
            }
            on_block(found.len());
        }
        Ok(found)
    }
}
