//! Information retrieval with descriptors: the nearest neighbours of query vectors among gallery
//! vectors (Euclidean distance), precision@k, and k-NN classification accuracy.
//!
//! Every distance goes through [`squared_distances`], the one place that a Burn version (two
//! matmuls and a broadcast add) can replace: ‖q − g‖² = ‖q‖² + ‖g‖² − 2 q·g for a block of queries
//! against the whole gallery. Queries are processed in blocks of [`QUERY_BLOCK`], so memory stays
//! at `QUERY_BLOCK × gallery` distances; a caller that wants to show progress passes slices of the
//! queries (whole rows) and concatenates the results.
//!
//! Ties (equal distances) are broken by the smaller gallery index, so results are deterministic.

/// Queries handled per block of distances.
pub const QUERY_BLOCK: usize = 64;

/// One neighbour of a query: its gallery index and its Euclidean distance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Neighbour {
    pub index: usize,
    pub distance: f32,
}

/// Squared Euclidean distances between every row of `a` and every row of `b` (both row-major,
/// `dim` values a row), as an `rows(a) × rows(b)` row-major matrix, by
/// ‖a‖² + ‖b‖² − 2 a·b (clamped at 0, which rounding could cross for near-equal rows).
///
/// This is the hot loop of retrieval, k-NN and the k-means assignment step; a tensor version
/// computes the same matrix as `‖a‖²[:, None] + ‖b‖²[None, :] − 2 a bᵀ`.
pub fn squared_distances(a: &[f32], b: &[f32], dim: usize) -> Vec<f32> {
    let a_norms = squared_norms(a, dim);
    let b_norms = squared_norms(b, dim);
    squared_distances_with_norms(a, &a_norms, b, &b_norms, dim)
}

/// [`squared_distances`] with the rows' squared norms already computed (see [`squared_norms`]),
/// for callers that reuse them (k-means reuses the points' norms every iteration).
pub fn squared_distances_with_norms(
    a: &[f32],
    a_norms: &[f32],
    b: &[f32],
    b_norms: &[f32],
    dim: usize,
) -> Vec<f32> {
    assert!(dim > 0, "rows need at least one value");
    assert!(
        a.len() == a_norms.len() * dim && b.len() == b_norms.len() * dim,
        "rows and norms do not match"
    );
    let mut out = Vec::with_capacity(a_norms.len() * b_norms.len());
    for (row, &na) in a.chunks_exact(dim).zip(a_norms) {
        for (other, &nb) in b.chunks_exact(dim).zip(b_norms) {
            out.push((na + nb - 2.0 * dot(row, other)).max(0.0));
        }
    }
    out
}

/// ‖row‖² of each row of `rows`.
pub fn squared_norms(rows: &[f32], dim: usize) -> Vec<f32> {
    assert!(
        dim > 0 && rows.len().is_multiple_of(dim),
        "data is not a whole number of rows"
    );
    rows.chunks_exact(dim).map(|r| dot(r, r)).collect()
}

/// Dot product with eight independent accumulators, which the compiler turns into SIMD.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let (a8, a_rest) = a.split_at(a.len() - a.len() % 8);
    let (b8, b_rest) = b.split_at(a8.len());
    for (x, y) in a8.chunks_exact(8).zip(b8.chunks_exact(8)) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    let tail: f32 = a_rest.iter().zip(b_rest).map(|(x, y)| x * y).sum();
    acc.iter().sum::<f32>() + tail
}

/// The `k` nearest gallery rows of each query row (nearest first, ties by gallery index); `k` is
/// capped at the gallery's size.
pub fn nearest(queries: &[f32], gallery: &[f32], dim: usize, k: usize) -> Vec<Vec<Neighbour>> {
    nearest_skipping(queries, gallery, dim, k, None)
}

/// Leave-one-out neighbours within one set: the `k` nearest other rows of each row of `points`
/// (a row never counts as its own neighbour, though an identical copy of it does).
pub fn nearest_within(points: &[f32], dim: usize, k: usize) -> Vec<Vec<Neighbour>> {
    nearest_skipping(points, points, dim, k, Some(0))
}

/// Neighbours by blocks of queries; `skip_offset = Some(o)` leaves out gallery row `o + q` for
/// query `q` (leave-one-out when queries and gallery are the same rows).
fn nearest_skipping(
    queries: &[f32],
    gallery: &[f32],
    dim: usize,
    k: usize,
    skip_offset: Option<usize>,
) -> Vec<Vec<Neighbour>> {
    let gallery_norms = squared_norms(gallery, dim);
    let query_norms = squared_norms(queries, dim);
    let m = gallery_norms.len();
    if m == 0 {
        return vec![Vec::new(); query_norms.len()];
    }
    let available = m - usize::from(skip_offset.is_some());
    let k = k.min(available);
    let mut result = Vec::with_capacity(query_norms.len());
    let mut order: Vec<usize> = Vec::with_capacity(m);
    for (block, (rows, norms)) in queries
        .chunks(QUERY_BLOCK * dim)
        .zip(query_norms.chunks(QUERY_BLOCK))
        .enumerate()
    {
        let distances = squared_distances_with_norms(rows, norms, gallery, &gallery_norms, dim);
        for (i, row) in distances
            .chunks_exact(m.max(1))
            .take(norms.len())
            .enumerate()
        {
            let query = block * QUERY_BLOCK + i;
            let skip = skip_offset.map(|o| o + query);
            result.push(smallest_in_row(row, k, skip, &mut order));
        }
    }
    result
}

/// The `k` nearest gallery items of one query, from its row of squared distances (nearest
/// first, ties to the lower index), leaving out `skip`. `order` is scratch space, reused
/// between rows. Shared with the tensor version of the distances (the app's engines).
pub fn smallest_in_row(
    row: &[f32],
    k: usize,
    skip: Option<usize>,
    order: &mut Vec<usize>,
) -> Vec<Neighbour> {
    order.clear();
    order.extend((0..row.len()).filter(|&g| Some(g) != skip));
    let k = k.min(order.len());
    let by_distance = |&x: &usize, &y: &usize| row[x].total_cmp(&row[y]).then(x.cmp(&y));
    if k > 0 && k < order.len() {
        order.select_nth_unstable_by(k - 1, by_distance);
    }
    order.truncate(k);
    order.sort_unstable_by(by_distance);
    order
        .iter()
        .map(|&g| Neighbour {
            index: g,
            distance: row[g].max(0.0).sqrt(),
        })
        .collect()
}

/// Precision@k averaged over queries: for each query, the share of its first `k` neighbours
/// whose gallery label equals the query's label (always divided by `k`, so a gallery smaller
/// than `k` counts the missing places as misses). 0 when there are no queries.
pub fn precision_at_k(
    neighbours: &[Vec<Neighbour>],
    query_labels: &[u8],
    gallery_labels: &[u8],
    k: usize,
) -> f64 {
    assert_eq!(
        neighbours.len(),
        query_labels.len(),
        "one label per query expected"
    );
    assert!(k > 0, "precision@k needs k ≥ 1");
    if neighbours.is_empty() {
        return 0.0;
    }
    let total: f64 = neighbours
        .iter()
        .zip(query_labels)
        .map(|(found, &label)| {
            let hits = found
                .iter()
                .take(k)
                .filter(|n| gallery_labels[n.index] == label)
                .count();
            hits as f64 / k as f64
        })
        .sum();
    total / neighbours.len() as f64
}

/// The majority label among neighbours' labels given nearest first; a tie between labels goes
/// to the tied label that appears first (the one with the nearest neighbour). `None` if empty.
pub fn majority_vote(labels_nearest_first: &[u8]) -> Option<u8> {
    let mut counts = [0usize; 256];
    for &l in labels_nearest_first {
        counts[l as usize] += 1;
    }
    let best = *counts.iter().max()?;
    labels_nearest_first
        .iter()
        .copied()
        .find(|&l| counts[l as usize] == best)
}

/// k-NN classification accuracy, train → test: each test row is given the majority label of its
/// `k` nearest training rows ([`majority_vote`]); the share of test rows labelled correctly
/// (0 when there are none).
pub fn knn_accuracy(
    train: &[f32],
    train_labels: &[u8],
    test: &[f32],
    test_labels: &[u8],
    dim: usize,
    k: usize,
) -> f64 {
    let found = nearest(test, train, dim, k);
    accuracy(&found, test_labels, train_labels)
}

/// k-NN classification accuracy by leave-one-out within one set: each row is classified by its
/// `k` nearest *other* rows (the "reduce" tab's single-number class separation of a 2-D map).
pub fn knn_accuracy_leave_one_out(points: &[f32], labels: &[u8], dim: usize, k: usize) -> f64 {
    let found = nearest_within(points, dim, k);
    accuracy(&found, labels, labels)
}

fn accuracy(found: &[Vec<Neighbour>], query_labels: &[u8], gallery_labels: &[u8]) -> f64 {
    assert_eq!(
        found.len(),
        query_labels.len(),
        "one label per row expected"
    );
    if found.is_empty() {
        return 0.0;
    }
    let correct = found
        .iter()
        .zip(query_labels)
        .filter(|&(neighbours, &label)| {
            let votes: Vec<u8> = neighbours.iter().map(|n| gallery_labels[n.index]).collect();
            majority_vote(&votes) == Some(label)
        })
        .count();
    correct as f64 / found.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(a: &[f32], b: &[f32]) -> f32 {
        a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
    }

    #[test]
    fn distances_match_the_direct_sum() {
        let mut rng = crate::rng::seeded(3);
        let dim = 21; // not a multiple of 8: exercises the tail
        let a = crate::rng::standard_normal_vec(&mut rng, 5 * dim);
        let b = crate::rng::standard_normal_vec(&mut rng, 7 * dim);
        let d = squared_distances(&a, &b, dim);
        assert_eq!(d.len(), 35);
        for i in 0..5 {
            for j in 0..7 {
                let want = naive(&a[i * dim..(i + 1) * dim], &b[j * dim..(j + 1) * dim]);
                assert!((d[i * 7 + j] - want).abs() < 1e-4 * want.max(1.0));
            }
        }
        // A row against itself is 0, never negative.
        assert!(squared_distances(&a, &a, dim).iter().all(|&v| v >= 0.0));
    }

    /// Gallery on a line: 0, 1, 2, 3, 10, 11 with labels a a a b b b (0 0 0 1 1 1).
    fn line() -> (Vec<f32>, Vec<u8>) {
        (vec![0.0, 1.0, 2.0, 3.0, 10.0, 11.0], vec![0, 0, 0, 1, 1, 1])
    }

    #[test]
    fn nearest_are_sorted_with_ties_by_index() {
        let (gallery, _) = line();
        // Query 1.5: distances 1.5, 0.5, 0.5, 1.5, … → indices 1, 2 (tie by index), then 0, 3.
        let found = nearest(&[1.5], &gallery, 1, 4);
        let idx: Vec<usize> = found[0].iter().map(|n| n.index).collect();
        assert_eq!(idx, vec![1, 2, 0, 3]);
        assert!((found[0][0].distance - 0.5).abs() < 1e-6);
        // k larger than the gallery is capped; an empty gallery gives empty lists.
        assert_eq!(nearest(&[0.0], &gallery, 1, 50)[0].len(), 6);
        assert_eq!(nearest(&[0.0, 1.0], &[], 1, 3), vec![vec![], vec![]]);
        // Leave-one-out never returns the query's own row, even at distance 0.
        let within = nearest_within(&gallery, 1, 2);
        assert_eq!(
            within[0].iter().map(|n| n.index).collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert_eq!(
            within[4].iter().map(|n| n.index).collect::<Vec<_>>(),
            vec![5, 3]
        );
        // More queries than one block give the same answers as one at a time.
        let queries: Vec<f32> = (0..150).map(|i| i as f32 * 0.1).collect();
        let all = nearest(&queries, &gallery, 1, 3);
        assert_eq!(all.len(), 150);
        for (q, found) in queries.iter().zip(&all) {
            assert_eq!(found, &nearest(&[*q], &gallery, 1, 3)[0]);
        }
    }

    #[test]
    fn precision_at_k_on_a_tiny_gallery() {
        let (gallery, labels) = line();
        // Query 0.4 (class 0): 2 nearest are 0, 1 → both class 0 → 1.
        // Query 2.6 (class 0): 2 nearest are 3 (b), 2 (a) → 1/2.
        // Query 10.2 (class 0, deliberately wrong): 10, 11 → 0.
        let queries = [0.4, 2.6, 10.2];
        let found = nearest(&queries, &gallery, 1, 2);
        let p = precision_at_k(&found, &[0, 0, 0], &labels, 2);
        assert!((p - (1.0 + 0.5 + 0.0) / 3.0).abs() < 1e-12, "{p}");
        // precision@3 for query 2.6: neighbours 3, 2, 1 → b a a → 2/3.
        let found = nearest(&[2.6], &gallery, 1, 3);
        assert!((precision_at_k(&found, &[0], &labels, 3) - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn majority_vote_breaks_ties_by_the_nearest() {
        assert_eq!(majority_vote(&[3, 1, 1, 3, 2]), Some(3));
        assert_eq!(majority_vote(&[1, 3, 1, 3, 2]), Some(1));
        assert_eq!(majority_vote(&[2, 7, 7, 1, 1]), Some(7));
        assert_eq!(majority_vote(&[]), None);
    }

    #[test]
    fn knn_accuracy_small_cases() {
        // Two 2-D blobs plus one class-1 point sitting inside class 0's blob.
        let points = [
            0.0, 0.0, 0.1, 0.0, 0.0, 0.1, 0.1, 0.1, 0.05, 0.05, // class 0 …
            5.0, 5.0, 5.1, 5.0, 5.0, 5.1, 5.1, 5.1, // class 1 …
            0.05, 0.0, // … and a class-1 outlier among class 0
        ];
        let labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
        // Leave-one-out, k = 3: every class-0 point has ≥ 2 class-0 neighbours → right; the
        // four class-1 points in their blob have 3 class-1 neighbours → right; the outlier's
        // neighbours are all class 0 → wrong. 9/10.
        let acc = knn_accuracy_leave_one_out(&points, &labels, 2, 3);
        assert!((acc - 0.9).abs() < 1e-12, "{acc}");
        // Train → test with k = 5.
        let test = [0.02, 0.03, 4.9, 5.2, 0.08, 0.02];
        let acc = knn_accuracy(&points, &labels, &test, &[0, 1, 1], 2, 5);
        assert!((acc - 2.0 / 3.0).abs() < 1e-12, "{acc}");
    }
}
