//! Weights as SafeTensors bytes, through Burn's store, so a student can open them in PyTorch too.

use burn::module::Module;
use burn::store::{ModuleSnapshot, SafetensorsStore, SafetensorsStoreError};

use super::safetensors_header;
// Defined beside the header check, which reports most of them; named here too, where weights load.
pub use super::safetensors_header::WeightsError;

/// Refuses weights whose tensors hold another number of values than the model has parameters.
pub fn expect_values(found: u64, expected: u64) -> Result<(), WeightsError> {
    if found == expected {
        Ok(())
    } else {
        Err(WeightsError::Mismatch(format!(
            "the file's tensors hold {found} values, the model has {expected} parameters"
        )))
    }
}

/// Serialises a model's parameters as a SafeTensors file.
pub fn weights_to_bytes<M: Module>(model: &M) -> Result<Vec<u8>, WeightsError> {
    let mut store = SafetensorsStore::from_bytes(None);
    model
        .save_into(&mut store)
        .map_err(|e| WeightsError::Unreadable(e.to_string()))?;
    store
        .get_bytes()
        .map_err(|e| WeightsError::Unreadable(e.to_string()))
}

/// Loads SafeTensors bytes into a freshly initialised `model`, which must have exactly the file's
/// tensors and shapes. The model comes back only when every tensor applied, so a failed load never
/// leaves a half-loaded model in use. The header is checked against the bytes present (and the
/// values it declares against the model's) before Burn reads it.
pub fn load_weights<M: Module>(mut model: M, bytes: Vec<u8>) -> Result<M, WeightsError> {
    let header = safetensors_header::check(&bytes)?;
    expect_values(header.values(), model.num_params() as u64)?;
    let mut store = SafetensorsStore::from_bytes(Some(bytes));
    let result = model.load_from(&mut store).map_err(|e| match e {
        // Burn's store checks every tensor's shape against the model.
        SafetensorsStoreError::ValidationFailed(why) => WeightsError::Mismatch(why),
        other => WeightsError::Unreadable(other.to_string()),
    })?;
    if !result.errors.is_empty() {
        let errors: Vec<String> = result.errors.iter().map(|e| format!("{e:?}")).collect();
        return Err(WeightsError::Mismatch(errors.join("; ")));
    }
    if !result.missing.is_empty() {
        let missing: Vec<&str> = result.missing.iter().map(|(p, _)| p.as_str()).collect();
        return Err(WeightsError::Mismatch(format!(
            "missing tensors {}",
            missing.join(", ")
        )));
    }
    if !result.unused.is_empty() {
        return Err(WeightsError::Mismatch(format!(
            "unexpected tensors {}",
            result.unused.join(", ")
        )));
    }
    Ok(model)
}
