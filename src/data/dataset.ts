// Datasets: an indexable collection of samples, each sample a list of tensors (x, y, …).

import { ArgumentError, ShapeError } from '../core/errors.js';
import { fromArray } from '../tensor/create.js';
import { badArg } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import type { Tensor } from '../tensor/tensor.js';
import { indexSelect, reshape } from '../ops/index.js';

/**
 * A map-style dataset (torch.utils.data.Dataset): `length` samples, `get(i)` returns sample i as
 * a list of tensors. A dataset that can gather many samples at once implements `getBatch`, which
 * DataLoader then uses instead of stacking `get(i)` one sample at a time.
 */
export interface Dataset {
  readonly length: number;
  get(index: number): Tensor[];
  /** Samples `indices` as one tensor per field, each with a leading batch dimension. */
  getBatch?(indices: Int32Array): Tensor[];
}

/**
 * Tensors that share their first dimension, sample i being row i of each (concepts §7).
 * Shape: tensors [N, *] → get(i) [*] each, getBatch(indices [B]) [B, *] each.
 * Matches `torch.utils.data.TensorDataset`. A batch is one row gather per tensor: only the batch's
 * rows are copied, never the whole dataset.
 * @example
 * const images = zeros([100, 784]), labels = zeros([100], { dtype: 'int32' });
 * const ds = new TensorDataset(images, labels);
 * const [x, y] = ds.get(0);
 * [ds.length, x.shape, y.shape] // [100, [784], []]
 */
export class TensorDataset implements Dataset {
  readonly tensors: readonly Tensor[];
  readonly length: number;

  constructor(...tensors: Tensor[]) {
    if (tensors.length === 0) throw new ArgumentError('TensorDataset', 'needs at least one tensor');
    tensors.forEach((t, i) => {
      expectTensor('TensorDataset', `tensors[${i}]`, t, Array.isArray(t) && i === 0 && tensors.length === 1
        ? 'pass the tensors as separate arguments: new TensorDataset(x, y)' : undefined);
      if (t.ndim === 0) {
        throw new ShapeError('TensorDataset', 'every tensor needs a first dimension to index', {
          got: [[`tensors[${i}]`, t.shape]],
        });
      }
      if (t.shape[0] !== tensors[0].shape[0]) {
        throw new ShapeError('TensorDataset', 'every tensor must have the same first dimension', {
          got: [
            ['tensors[0]', tensors[0].shape],
            [`tensors[${i}]`, t.shape],
          ],
        });
      }
    });
    this.tensors = tensors;
    this.length = tensors[0].shape[0];
  }

  get(index: number): Tensor[] {
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= this.length) {
      throw badArg('TensorDataset.get', `index must be an integer in [0, ${this.length - 1}]`, index);
    }
    const rows = this.getBatch(Int32Array.of(index));
    return rows.map((r) => reshape(r, r.shape.slice(1)));
  }

  getBatch(indices: Int32Array): Tensor[] {
    if (!(indices instanceof Int32Array) && !Array.isArray(indices)) {
      throw badArg('TensorDataset.getBatch', 'indices must be an Int32Array or an array of integers', indices);
    }
    const idx = new Map<string, Tensor>();
    return this.tensors.map((t) => {
      let i = idx.get(t.backend.name);
      if (!i) {
        i = fromArray(indices, [indices.length], { dtype: 'int32', backend: t.backend.name });
        idx.set(t.backend.name, i);
      }
      return indexSelect(t, 0, i);
    });
  }
}
