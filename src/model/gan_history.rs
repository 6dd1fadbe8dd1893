//! What a GAN run records: each step's numbers read back from the device, and the loss history
//! as the GAN lab's file keeps it (`gan::file`), beside the training lab's in `model::history`.

use serde::{Deserialize, Serialize};

/// A step's numbers on the host.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GanValues {
    pub d_loss: f32,
    pub g_loss: f32,
    pub d_real: f32,
    pub d_fake: f32,
}

impl GanValues {
    /// From `[d_loss, g_loss, d_real, d_fake]`, the order in which the GAN trainer stacks a
    /// step's losses for one read-back (`train::gan::GanLosses::stacked`).
    pub fn unpack(v: &[f32]) -> Self {
        Self {
            d_loss: v[0],
            g_loss: v[1],
            d_real: v[2],
            d_fake: v[3],
        }
    }
}

/// One point of the loss history: the numbers of generator step `step`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
#[serde(into = "RecordJson", from = "RecordJson")]
pub struct GanRecord {
    pub step: usize,
    pub values: GanValues,
}

/// A history point as JSON. JSON has no NaN or infinity, and a diverged run's losses are exactly
/// those, so a value that is not finite is written as the text `"NaN"`, `"inf"` or `"-inf"`.
#[derive(Serialize, Deserialize)]
struct RecordJson {
    step: usize,
    d_loss: JsonF32,
    g_loss: JsonF32,
    d_real: JsonF32,
    d_fake: JsonF32,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum JsonF32 {
    Finite(f32),
    Other(NonFinite),
}

#[derive(Serialize, Deserialize)]
enum NonFinite {
    #[serde(rename = "NaN")]
    NaN,
    #[serde(rename = "inf")]
    Infinity,
    #[serde(rename = "-inf")]
    NegInfinity,
}

impl From<f32> for JsonF32 {
    fn from(v: f32) -> Self {
        if v.is_finite() {
            Self::Finite(v)
        } else if v.is_nan() {
            Self::Other(NonFinite::NaN)
        } else if v > 0.0 {
            Self::Other(NonFinite::Infinity)
        } else {
            Self::Other(NonFinite::NegInfinity)
        }
    }
}

impl From<JsonF32> for f32 {
    fn from(v: JsonF32) -> Self {
        match v {
            JsonF32::Finite(v) => v,
            JsonF32::Other(NonFinite::NaN) => f32::NAN,
            JsonF32::Other(NonFinite::Infinity) => f32::INFINITY,
            JsonF32::Other(NonFinite::NegInfinity) => f32::NEG_INFINITY,
        }
    }
}

impl From<GanRecord> for RecordJson {
    fn from(r: GanRecord) -> Self {
        let v = r.values;
        Self {
            step: r.step,
            d_loss: v.d_loss.into(),
            g_loss: v.g_loss.into(),
            d_real: v.d_real.into(),
            d_fake: v.d_fake.into(),
        }
    }
}

impl From<RecordJson> for GanRecord {
    fn from(r: RecordJson) -> Self {
        Self {
            step: r.step,
            values: GanValues {
                d_loss: r.d_loss.into(),
                g_loss: r.g_loss.into(),
                d_real: r.d_real.into(),
                d_fake: r.d_fake.into(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_keep_values_json_cannot_write() {
        let record = GanRecord {
            step: 7,
            values: GanValues {
                d_loss: f32::NAN,
                g_loss: f32::INFINITY,
                d_real: f32::NEG_INFINITY,
                d_fake: 0.1,
            },
        };
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            json,
            r#"{"step":7,"d_loss":"NaN","g_loss":"inf","d_real":"-inf","d_fake":0.1}"#
        );
        let back: GanRecord = serde_json::from_str(&json).unwrap();
        assert!(back.values.d_loss.is_nan());
        assert_eq!(back.values.g_loss, f32::INFINITY);
        assert_eq!(back.values.d_real, f32::NEG_INFINITY);
        assert_eq!(back.values.d_fake, 0.1);
        assert!(
            serde_json::from_str::<GanRecord>(
                r#"{"step":1,"d_loss":"x","g_loss":1,"d_real":1,"d_fake":1}"#
            )
            .is_err()
        );
    }
}
