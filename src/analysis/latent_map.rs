//! A latent space laid out as a 2-D map: the codes of a split placed by a projection (exact for
//! 2-D codes, the first two principal components otherwise), with their labels and the region
//! that holds them. The latent view and the training lab's live map both draw one.

use super::latent::{Projection, Region};

/// Points of a map, one per item, with the item's class and the region that shows them all.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPoints {
    pub points: Vec<[f32; 2]>,
    pub labels: Vec<u8>,
    pub region: Region,
}

impl MapPoints {
    /// Margin around the points, as a share of their extent.
    const MARGIN: f32 = 0.05;

    pub fn new(points: Vec<[f32; 2]>, labels: &[u8]) -> Self {
        let region = Region::around(&points, Self::MARGIN);
        Self {
            points,
            labels: labels.to_vec(),
            region,
        }
    }
}

/// One model's latent space over a split: how codes go onto the map, and the map itself.
#[derive(Clone, Debug, PartialEq)]
pub struct LatentSpaceMap {
    pub projection: Projection,
    pub map: MapPoints,
}

impl LatentSpaceMap {
    /// Fits the projection to `codes` (`dim` values each, one per label) and places them.
    pub fn fit(codes: &[f32], dim: usize, labels: &[u8]) -> Self {
        let projection = Projection::fit(codes, dim);
        let points = projection.to_map_all(codes, dim);
        Self {
            map: MapPoints::new(points, labels),
            projection,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_dimensional_codes_are_placed_as_they_are() {
        let space = LatentSpaceMap::fit(&[0.0, 0.0, 1.0, 2.0], 2, &[3, 7]);
        assert!(space.projection.is_exact());
        assert_eq!(space.map.points, vec![[0.0, 0.0], [1.0, 2.0]]);
        assert_eq!(space.map.labels, vec![3, 7]);
        let r = space.map.region;
        assert!(
            r.x.0 < 0.0 && r.x.1 > 1.0 && r.y.0 < 0.0 && r.y.1 > 2.0,
            "{r:?}"
        );
    }

    #[test]
    fn larger_codes_go_through_their_principal_components() {
        let codes: Vec<f32> = (0..50)
            .flat_map(|i| {
                let t = i as f32;
                [t, 2.0 * t, 0.5, -t]
            })
            .collect();
        let space = LatentSpaceMap::fit(&codes, 4, &[0; 50]);
        assert!(!space.projection.is_exact());
        assert_eq!(space.map.points.len(), 50);
    }
}
