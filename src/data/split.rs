//! A fixed, stratified train/test split: every class keeps the same share in both splits.

use rand::seq::SliceRandom;

use crate::rng::seeded;

/// Splits items with `labels` into `(train, test)` index lists with exactly `n_test` test items,
/// each class contributing in proportion to its size (largest-remainder rounding). Both lists are
/// shuffled, so any prefix mixes the classes. The same `seed` always gives the same split.
pub fn stratified_split(labels: &[u8], n_test: usize, seed: u64) -> (Vec<usize>, Vec<usize>) {
    assert!(
        n_test <= labels.len(),
        "cannot take {n_test} test items out of {}",
        labels.len()
    );
    let mut rng = seeded(seed);
    let mut by_class: Vec<Vec<usize>> = vec![Vec::new(); 10];
    for (i, &l) in labels.iter().enumerate() {
        by_class[l as usize].push(i);
    }
    let fraction = n_test as f64 / labels.len() as f64;
    let mut quotas: Vec<usize> = by_class
        .iter()
        .map(|c| (c.len() as f64 * fraction).floor() as usize)
        .collect();
    let mut remainders: Vec<(f64, usize)> = by_class
        .iter()
        .enumerate()
        .map(|(k, c)| (c.len() as f64 * fraction - quotas[k] as f64, k))
        .collect();
    remainders.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = n_test - quotas.iter().sum::<usize>();
    for &(_, k) in remainders.iter().take(missing) {
        quotas[k] += 1;
    }
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for (class, quota) in by_class.iter_mut().zip(quotas) {
        class.shuffle(&mut rng);
        test.extend_from_slice(&class[..quota]);
        train.extend_from_slice(&class[quota..]);
    }
    train.shuffle(&mut rng);
    test.shuffle(&mut rng);
    (train, test)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_exact_stratified_disjoint_and_reproducible() {
        let labels: Vec<u8> = (0..1003).map(|i| ((i * 7) % 10) as u8).collect();
        let (train, test) = stratified_split(&labels, 200, 3);
        assert_eq!(test.len(), 200);
        assert_eq!(train.len() + test.len(), labels.len());
        let mut all: Vec<usize> = train.iter().chain(&test).copied().collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), labels.len(), "no item in both splits");
        for k in 0..10u8 {
            let in_class = labels.iter().filter(|&&l| l == k).count() as f64;
            let in_test = test.iter().filter(|&&i| labels[i] == k).count() as f64;
            assert!(
                (in_test - in_class * 0.2).abs() <= 1.0,
                "class {k}: {in_test} of {in_class}"
            );
        }
        assert_eq!(stratified_split(&labels, 200, 3), (train, test));
    }
}
