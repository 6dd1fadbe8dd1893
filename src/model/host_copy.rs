//! Copying a model's parameters to another device with asynchronous reads, which WebGPU in the
//! browser requires (a synchronous read-back panics there). Used to export a model trained on
//! WebGPU and to continue its training on the CPU.

use burn::module::{ModuleMapper, ModuleVisitor, Param};
use burn::prelude::*;

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
pub async fn copy_parameters<M: Module>(model: &M, fresh: M) -> Result<M, String> {
    let mut collect = Collect(Vec::new());
    model.visit(&mut collect);
    let mut values = Vec::with_capacity(collect.0.len());
    for (shape, t) in collect.0 {
        let data = t
            .into_data_async()
            .await
            .map_err(|e| format!("reading the weights failed: {e:?}"))?;
        values.push((
            shape,
            data.try_into_vec::<f32>()
                .map_err(|e| format!("unexpected weight type: {e:?}"))?,
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
        return Err("the two models do not have the same parameters".into());
    }
    Ok(fresh.map(&mut Replace {
        values: values.into_iter(),
        device,
    }))
}
