//! The shipped models' compact SafeTensors files: each weight matrix an `I8` tensor (same name and
//! `[in, out]` shape as Burn's `f32` one) plus an `F32` tensor `<name>.scale` of one scale per
//! output unit (`model::compact`), each bias the `F32` vector it was. [`encode`] makes one from
//! Burn's `f32` SafeTensors bytes; [`decode`] turns one back into `f32` SafeTensors bytes for
//! Burn's store, so the models load exactly as before.
//!
//! In Python: `w = q.float() * scale` (the scales broadcast over the last axis).

use std::collections::BTreeMap;

use super::compact;
use super::safetensors_header::{
    self, COMPACT_FORMAT, Dtype, Entry, FORMAT_KEY, SCALE_SUFFIX, TensorBytes,
};
use super::store::WeightsError;

fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes(b.try_into().expect("4 bytes")))
        .collect()
}

fn le_bytes(values: &[f32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn data<'a>(bytes: &'a [u8], data_start: usize, e: &Entry) -> &'a [u8] {
    // The header checks put every tensor's data inside the file.
    &bytes[data_start + e.start as usize..data_start + e.end as usize]
}

fn metadata() -> BTreeMap<String, String> {
    BTreeMap::from([(FORMAT_KEY.to_string(), COMPACT_FORMAT.to_string())])
}

/// The compact file of `f32` SafeTensors `bytes`: matrices quantised, vectors kept. Refuses a file
/// with tensors of more than two dimensions, and weights that are not finite.
pub fn encode(bytes: &[u8]) -> Result<Vec<u8>, WeightsError> {
    let (entries, data_start) = safetensors_header::f32_entries(bytes)?;
    let mut owned: Vec<(String, &'static str, Vec<u64>, Vec<u8>)> = Vec::new();
    for e in &entries {
        let values = f32s(data(bytes, data_start, e));
        match e.shape[..] {
            [rows, cols] => {
                let q =
                    compact::quantise(&values, rows as usize, cols as usize).ok_or_else(|| {
                        WeightsError::Unreadable(format!(
                            "tensor '{}' has a value that is not finite",
                            e.name
                        ))
                    })?;
                owned.push((
                    e.name.clone(),
                    Dtype::I8.name(),
                    e.shape.clone(),
                    q.values.iter().map(|&v| v as u8).collect(),
                ));
                owned.push((
                    format!("{}{SCALE_SUFFIX}", e.name),
                    Dtype::F32.name(),
                    vec![cols],
                    le_bytes(&q.scales),
                ));
            }
            [_] => owned.push((
                e.name.clone(),
                Dtype::F32.name(),
                e.shape.clone(),
                data(bytes, data_start, e).to_vec(),
            )),
            _ => {
                return Err(WeightsError::Unreadable(format!(
                    "tensor '{}' has shape {:?}; only matrices and vectors are stored compactly",
                    e.name, e.shape
                )));
            }
        }
    }
    let tensors = owned
        .iter()
        .map(|(name, dtype, shape, data)| TensorBytes {
            name: name.clone(),
            dtype,
            shape: shape.clone(),
            data,
        })
        .collect();
    Ok(safetensors_header::write(tensors, &metadata()))
}

/// The `f32` SafeTensors bytes of a compact file, checked by `safetensors_header::check_compact`
/// and with every scale finite, ≥ 0 and at most `f32::MAX / 127`. Allocates at most four bytes per byte of the file.
pub fn decode(bytes: &[u8]) -> Result<Vec<u8>, WeightsError> {
    let header = safetensors_header::check_compact(bytes)?;
    let at = |e: &Entry| data(bytes, header.data_start, e);
    let mut owned: Vec<(String, Vec<u64>, Vec<u8>)> = Vec::new();
    for (matrix, scales) in &header.matrices {
        let values: Vec<i8> = at(matrix).iter().map(|&b| b as i8).collect();
        let weights = compact::dequantise(&values, &f32s(at(scales))).ok_or_else(|| {
            WeightsError::Unreadable(format!(
                "tensor '{}': a scale is negative, not a number, or too large",
                scales.name
            ))
        })?;
        owned.push((
            matrix.name.clone(),
            matrix.shape.clone(),
            le_bytes(&weights),
        ));
    }
    for v in &header.vectors {
        owned.push((v.name.clone(), v.shape.clone(), at(v).to_vec()));
    }
    let tensors = owned
        .iter()
        .map(|(name, shape, data)| TensorBytes {
            name: name.clone(),
            dtype: Dtype::F32.name(),
            shape: shape.clone(),
            data,
        })
        .collect();
    Ok(safetensors_header::write(tensors, &BTreeMap::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::safetensors_header::check_compact;

    /// `f32` SafeTensors bytes of a small layer: a `[3, 2]` weight and a `[2]` bias.
    fn layer() -> Vec<u8> {
        let w = le_bytes(&[0.5, -2.0, 0.25, 1.0, -0.125, 0.0]);
        let b = le_bytes(&[0.1, -0.2]);
        safetensors_header::write(
            vec![
                TensorBytes {
                    name: "layer.weight".into(),
                    dtype: "F32",
                    shape: vec![3, 2],
                    data: &w,
                },
                TensorBytes {
                    name: "layer.bias".into(),
                    dtype: "F32",
                    shape: vec![2],
                    data: &b,
                },
            ],
            &BTreeMap::new(),
        )
    }

    /// The header of `bytes` as JSON and the data after it.
    fn split(bytes: &[u8]) -> (serde_json::Value, Vec<u8>) {
        let len = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
        (
            serde_json::from_slice(&bytes[8..8 + len]).unwrap(),
            bytes[8 + len..].to_vec(),
        )
    }

    fn join(header: &serde_json::Value, data: &[u8]) -> Vec<u8> {
        let h = serde_json::to_vec(header).unwrap();
        let mut out = (h.len() as u64).to_le_bytes().to_vec();
        out.extend_from_slice(&h);
        out.extend_from_slice(data);
        out
    }

    fn refusal(bytes: &[u8]) -> String {
        decode(bytes).expect_err("refused").to_string()
    }

    #[test]
    fn encode_then_decode_gives_the_weights_within_half_a_step_and_the_biases_exactly() {
        let original = layer();
        let compact = encode(&original).unwrap();
        let header = check_compact(&compact).unwrap();
        assert_eq!(
            header.values(),
            8,
            "6 weights and 2 biases; the scales are not counted"
        );
        assert_eq!(header.matrices[0].0.dtype, Dtype::I8);
        assert_eq!(header.matrices[0].1.name, "layer.weight.scale");
        let decoded = decode(&compact).unwrap();
        let f32_header = safetensors_header::check(&decoded).unwrap();
        assert_eq!(
            f32_header,
            safetensors_header::check(&original).unwrap(),
            "same names and shapes"
        );
        let (before, _) = safetensors_header::f32_entries(&original).unwrap();
        let (after, start) = safetensors_header::f32_entries(&decoded).unwrap();
        let (_, original_start) = safetensors_header::f32_entries(&original).unwrap();
        let bias = f32s(data(&decoded, start, &after[0]));
        assert_eq!(bias, f32s(data(&original, original_start, &before[0])));
        let w = f32s(data(&decoded, start, &after[1]));
        let want = [0.5, -2.0, 0.25, 1.0, -0.125, 0.0];
        // Column scales: 0.5 / 127 and 2 / 127.
        for (k, (got, want)) in w.iter().zip(want).enumerate() {
            let step = [0.5, 2.0][k % 2] / 127.0;
            assert!((got - want).abs() <= step / 2.0, "w[{k}] {got} vs {want}");
        }
        // Encoding the decoded weights again gives the same file (the grid is stable).
        assert_eq!(encode(&decoded).unwrap(), compact);
    }

    #[test]
    fn a_float32_file_is_not_a_compact_one() {
        let err = refusal(&layer());
        assert!(
            err.contains("int8-per-output") && err.contains("nothing"),
            "{err}"
        );
        let err = encode(&encode(&layer()).unwrap()).expect_err("already compact");
        assert!(err.to_string().contains("\"I8\""), "{err}");
    }

    #[test]
    fn a_damaged_layout_is_refused_with_what_is_wrong() {
        let compact = encode(&layer()).unwrap();
        let (header, data) = split(&compact);

        let mut h = header.clone();
        h.as_object_mut().unwrap().remove("layer.weight.scale");
        let err = refusal(&join(&h, &data));
        assert!(err.contains("without its scales"), "{err}");

        // The scales' data moved past the weights': a gap and an overlap.
        let mut h = header.clone();
        h["layer.bias"]["data_offsets"] = serde_json::json!([1, 9]);
        let err = refusal(&join(&h, &data));
        assert!(err.contains("starts at"), "{err}");

        // Bytes left over after the last tensor.
        let mut longer = data.clone();
        longer.extend_from_slice(&[0; 4]);
        let err = refusal(&join(&header, &longer));
        assert!(err.contains("bytes of data"), "{err}");

        // A matrix in f32, a vector in int8, scales of the wrong length, scales alone.
        let mut h = header.clone();
        h["layer.weight"]["dtype"] = "F32".into();
        let err = refusal(&join(&h, &data));
        assert!(
            err.contains("'layer.weight': shape [3, 2] needs more bytes"),
            "{err}"
        );
        let mut h = header.clone();
        h["layer.weight"]["shape"] = serde_json::json!([6]);
        let err = refusal(&join(&h, &data));
        assert!(err.contains("I8 with 1 dimensions"), "{err}");
        let mut h = header.clone();
        h["layer.weight"]["shape"] = serde_json::json!([2, 3]);
        let err = refusal(&join(&h, &data));
        assert!(err.contains("expected F32 [3]"), "{err}");
        let mut h = header.clone();
        let weight = h["layer.weight"].clone();
        h.as_object_mut().unwrap().remove("layer.weight");
        h["other.weight"] = weight;
        let err = refusal(&join(&h, &data));
        assert!(err.contains("without their int8 matrix"), "{err}");

        // Another format named in the metadata.
        let mut h = header.clone();
        h["__metadata__"][FORMAT_KEY] = "int4".into();
        let err = refusal(&join(&h, &data));
        assert!(err.contains("\"int4\""), "{err}");
    }

    #[test]
    fn scales_that_are_negative_or_not_numbers_are_refused() {
        let compact = encode(&layer()).unwrap();
        let (header, data) = split(&compact);
        let [start, _] = [0, 1].map(|i| {
            header["layer.weight.scale"]["data_offsets"][i]
                .as_u64()
                .unwrap() as usize
        });
        for bad in [-1.0f32, f32::NAN, f32::INFINITY, f32::MAX] {
            let mut d = data.clone();
            d[start..start + 4].copy_from_slice(&bad.to_le_bytes());
            let err = refusal(&join(&header, &d));
            assert!(err.contains("not a number"), "{bad}: {err}");
        }
    }

    #[test]
    fn weights_that_are_not_finite_or_not_matrices_are_not_encoded() {
        let nan = le_bytes(&[f32::NAN, 1.0]);
        let file = safetensors_header::write(
            vec![TensorBytes {
                name: "w".into(),
                dtype: "F32",
                shape: vec![1, 2],
                data: &nan,
            }],
            &BTreeMap::new(),
        );
        assert!(
            encode(&file)
                .unwrap_err()
                .to_string()
                .contains("not finite")
        );
        let cube = le_bytes(&[0.0; 8]);
        let file = safetensors_header::write(
            vec![TensorBytes {
                name: "w".into(),
                dtype: "F32",
                shape: vec![2, 2, 2],
                data: &cube,
            }],
            &BTreeMap::new(),
        );
        assert!(encode(&file).unwrap_err().to_string().contains("[2, 2, 2]"));
    }
}
