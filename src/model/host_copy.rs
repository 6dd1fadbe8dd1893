//! Copying a model's parameters to another device with asynchronous reads, which WebGPU in the
//! browser requires (a synchronous read-back panics there). Used to export a model trained on
//! WebGPU and to continue its training on the CPU.

use std::fmt;

use burn::module::{ModuleMapper, ModuleVisitor, Param};
use burn::prelude::*;

/// Why a model's parameters could not be copied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyError {
    /// The device could not hand the values back (Burn's error, as text).
    ReadFailed(String),
    /// A parameter came back as another element type than `f32`.
    NotF32(String),
    /// The target model's parameters differ in number or shape from the source's.
    DifferentParameters,
}

impl fmt::Display for CopyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ReadFailed(why) => write!(f, "reading the weights failed: {why}"),
            Self::NotF32(why) => write!(f, "unexpected weight type: {why}"),
            Self::DifferentParameters => {
                write!(f, "the two models do not have the same parameters")
            }
        }
    }
}

impl std::error::Error for CopyError {}

/// Every float parameter, flattened, in visiting order, with its shape.
struct Collect(Vec<(Vec<usize>, Tensor<1>)>);

impl ModuleVisitor for Collect {
    fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
        let t = param.val();
        let dims = t.dims().to_vec();
        let n: usize = dims.iter().product();
        self.0.push((dims, t.reshape([n])));
    }
}

/// Replaces every float parameter, in the same order, by the values read.
struct Replace {
    values: std::vec::IntoIter<(Vec<usize>, Vec<f32>)>,
    device: Device,
}

impl ModuleMapper for Replace {
    fn map_float<const D: usize>(&mut self, _fresh: Param<Tensor<D>>) -> Param<Tensor<D>> {
        let (shape, values) = self
            .values
            .next()
            .expect("the same parameters in the same order");
        let dims: [usize; D] = shape.try_into().expect("the same rank");
        Param::from_tensor(Tensor::from_data(
            TensorData::new(values, dims),
            &self.device,
        ))
    }
}

/// `fresh` (the same architecture, initialised on the target device) with `model`'s parameters.
pub async fn copy_parameters<M: Module>(model: &M, fresh: M) -> Result<M, CopyError> {
    let mut collect = Collect(Vec::new());
    model.visit(&mut collect);
    let mut values = Vec::with_capacity(collect.0.len());
    for (shape, t) in collect.0 {
        let data = t
            .into_data_async()
            .await
            .map_err(|e| CopyError::ReadFailed(format!("{e:?}")))?;
        values.push((
            shape,
            data.try_into_vec::<f32>()
                .map_err(|e| CopyError::NotF32(format!("{e:?}")))?,
        ));
    }
    let mut fresh_visit = Collect(Vec::new());
    fresh.visit(&mut fresh_visit);
    let device = fresh_visit
        .0
        .first()
        .map(|(_, t)| t.device())
        .unwrap_or_default();
    if fresh_visit.0.len() != values.len()
        || fresh_visit
            .0
            .iter()
            .zip(&values)
            .any(|((a, _), (b, _))| a != b)
    {
        return Err(CopyError::DifferentParameters);
    }
    Ok(fresh.map(&mut Replace {
        values: values.into_iter(),
        device,
    }))
}
