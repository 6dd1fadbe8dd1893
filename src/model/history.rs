//! What a training run records: the losses of each step, read back from the device as plain
//! numbers, and the run's history as it is saved in a model file.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A read-back that holds another number of loss values than its layout says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LossCountError {
    pub expected: usize,
    pub read: usize,
    /// How many steps were read back at once, when more than one was asked for.
    pub steps: Option<usize>,
}

impl fmt::Display for LossCountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (expected, read) = (self.expected, self.read);
        match self.steps {
            None => write!(f, "expected {expected} loss values, read {read}"),
            Some(steps) => write!(
                f,
                "expected {expected} loss values for {steps} steps, read {read}"
            ),
        }
    }
}

impl std::error::Error for LossCountError {}

/// The values of one loss and its parts (per image, averaged over a batch), read back from the
/// device. `kl` is the unweighted KL divergence of a VAE; `penalty` a regulariser's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LossValues {
    pub total: f32,
    pub reconstruction: f32,
    pub kl: Option<f32>,
    pub penalty: Option<f32>,
}

impl LossValues {
    /// Unpacks `[total, reconstruction, kl?, penalty?]`, the order in which
    /// [`LabLoss::stacked`](super::lab::LabLoss::stacked) lays the parts out.
    pub fn unpack(values: &[f32], has_kl: bool, has_penalty: bool) -> Result<Self, LossCountError> {
        let expected = 2 + usize::from(has_kl) + usize::from(has_penalty);
        if values.len() != expected {
            return Err(LossCountError {
                expected,
                read: values.len(),
                steps: None,
            });
        }
        Ok(Self {
            total: values[0],
            reconstruction: values[1],
            kl: has_kl.then(|| values[2]),
            penalty: has_penalty.then(|| values[2 + usize::from(has_kl)]),
        })
    }
}

/// Which optional parts a step's losses have (`kl`, `penalty`): how many values it takes in a
/// stacked read-back.
pub type LossLayout = (bool, bool);

/// Unpacks the losses of several steps read back in one go: their `[total, reconstruction, kl?,
/// penalty?]` one after another, each laid out as its `layouts` entry says.
pub fn unpack_steps(
    values: &[f32],
    layouts: &[LossLayout],
) -> Result<Vec<LossValues>, LossCountError> {
    let width = |(kl, penalty): LossLayout| 2 + usize::from(kl) + usize::from(penalty);
    let expected: usize = layouts.iter().map(|&l| width(l)).sum();
    if values.len() != expected {
        return Err(LossCountError {
            expected,
            read: values.len(),
            steps: Some(layouts.len()),
        });
    }
    let mut rest = values;
    let mut out = Vec::with_capacity(layouts.len());
    for &(kl, penalty) in layouts {
        let (these, more) = rest.split_at(width((kl, penalty)));
        out.push(LossValues::unpack(these, kl, penalty)?);
        rest = more;
    }
    Ok(out)
}

/// One logged point of a run (losses per image, averaged over the batch or the test subset).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct HistoryPoint {
    pub step: usize,
    pub epoch: usize,
    pub train_total: f32,
    pub train_reconstruction: f32,
    pub train_kl: Option<f32>,
    pub train_penalty: Option<f32>,
    /// The total loss on the fixed test subset, when it was measured at this step.
    pub test_total: Option<f32>,
}

impl HistoryPoint {
    /// The point of step `step` (counted from 1) in epoch `epoch` (counted from 0).
    pub fn new(step: usize, epoch: usize, losses: &LossValues) -> Self {
        Self {
            step,
            epoch,
            train_total: losses.total,
            train_reconstruction: losses.reconstruction,
            train_kl: losses.kl,
            train_penalty: losses.penalty,
            test_total: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacks_every_combination_of_parts() {
        let plain = LossValues::unpack(&[3.0, 2.0], false, false).unwrap();
        assert_eq!((plain.kl, plain.penalty), (None, None));
        let vae = LossValues::unpack(&[3.0, 2.0, 1.0], true, false).unwrap();
        assert_eq!((vae.kl, vae.penalty), (Some(1.0), None));
        let sparse = LossValues::unpack(&[3.0, 2.0, 0.5], false, true).unwrap();
        assert_eq!((sparse.kl, sparse.penalty), (None, Some(0.5)));
        let both = LossValues::unpack(&[3.0, 2.0, 1.0, 0.5], true, true).unwrap();
        assert_eq!((both.kl, both.penalty), (Some(1.0), Some(0.5)));
        assert!(LossValues::unpack(&[3.0], false, false).is_err());
        let point = HistoryPoint::new(4, 1, &vae);
        assert_eq!((point.step, point.epoch, point.train_kl), (4, 1, Some(1.0)));
        assert_eq!(point.test_total, None);
    }

    #[test]
    fn unpacks_the_losses_of_several_steps_read_at_once() {
        let values = [3.0, 2.0, 1.0, 0.5, 2.5, 1.5, 9.0, 8.0, 7.0];
        let steps = unpack_steps(&values, &[(true, true), (false, false), (false, true)]).unwrap();
        assert_eq!(steps.len(), 3);
        assert_eq!(
            steps[0],
            LossValues::unpack(&[3.0, 2.0, 1.0, 0.5], true, true).unwrap()
        );
        assert_eq!((steps[1].total, steps[1].reconstruction), (2.5, 1.5));
        assert_eq!(
            (steps[2].total, steps[2].penalty, steps[2].kl),
            (9.0, Some(7.0), None)
        );
        assert!(
            unpack_steps(&values, &[(false, false)]).is_err(),
            "a count that does not add up"
        );
        assert_eq!(unpack_steps(&[], &[]), Ok(Vec::new()));
    }
}
