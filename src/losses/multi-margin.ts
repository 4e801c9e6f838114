// Multi-class margin (hinge) loss, as PyTorch defines it (concepts §4).

import { ShapeError } from '../core/errors.js';
import { checkNumber, checkOneOf } from '../core/check.js';
import { expectTensor, tensorHint } from '../tensor/expect.js';
import { fromArray } from '../tensor/create.js';
import type { Tensor } from '../tensor/tensor.js';
import { add } from '../ops/add.js';
import { sub } from '../ops/sub.js';
import { mul } from '../ops/mul.js';
import { sum } from '../ops/sum.js';
import { relu } from '../ops/relu.js';
import { reshape } from '../ops/reshape.js';
import { forwardInput, Module } from '../nn/module.js';
import { applyReduction, lossOptions, type Reduction } from './reduction.js';
import { checkClassOptions, classLayout, classTargets, classWeight } from './class-target.js';

export interface MultiMarginLossOptions {
  /** 1 (hinge, default) or 2 (squared hinge). */
  p?: 1 | 2;
  /** Δ, the margin the correct score must win by (default 1). */
  margin?: number;
  /** Rescales sample i's loss by w_{yᵢ}: w [C] (default all 1). */
  weight?: Tensor;
  reduction?: Reduction;
}

function marginOptions(op: string, opts: MultiMarginLossOptions | undefined) {
  const o = lossOptions(op, opts, ['p', 'margin', 'weight']);
  checkClassOptions(op, o);
  return {
    p: o.p === undefined ? 1 : checkOneOf(op, 'p', o.p, [1, 2] as const),
    margin: o.margin === undefined ? 1 : checkNumber(op, 'margin', o.margin),
    weight: o.weight,
    reduction: o.reduction,
  };
}

/**
 * Per sample, Σ_{j ≠ yᵢ} max(0, Δ − s[i, yᵢ] + s[i, j])^p · w_{yᵢ} (÷ C when `divideByC`) for
 * scores [N, C] or [C] (shape [N] or []), the input, target and weight checked: the sum shared by
 * multiMarginLoss and multiclassHingeLoss.
 */
export function marginSums(
  op: string, input: Tensor, target: Tensor, o: { p: 1 | 2; margin: number; weight?: Tensor }, divideByC: boolean,
): Tensor {
  expectTensor(op, 'input', input);
  expectTensor(op, 'target', target, tensorHint(target, ", { dtype: 'int32' }"));
  if (input.ndim === 0 || input.ndim > 2) {
    throw new ShapeError(op, 'input must be [N, C] or [C] scores', { got: [['input', input.shape]] });
  }
  const layout = classLayout(op, input);
  const labels = classTargets(op, input, target, layout, null);
  const { n, c } = layout;
  const weight = classWeight(op, o.weight, c);
  const s = input.ndim === 1 ? reshape(input, [1, c]) : input;
  const onehot = new Float64Array(n * c);
  const others = new Float64Array(n * c); // scaleᵢ where j ≠ yᵢ, else 0
  for (let i = 0; i < n; i++) {
    const k = (weight ? weight[labels[i]] : 1) / (divideByC ? c : 1);
    for (let j = 0; j < c; j++) others[i * c + j] = j === labels[i] ? 0 : k;
    onehot[i * c + labels[i]] = 1;
  }
  const opts = { dtype: input.dtype, backend: input.backend.name };
  const sy = sum(mul(s, fromArray(onehot, [n, c], opts)), 1, true); // s[i, yᵢ], [N, 1]
  const h = relu(add(sub(s, sy), o.margin));
  const per = sum(mul(o.p === 2 ? mul(h, h) : h, fromArray(others, [n, c], opts)), 1);
  return input.ndim === 1 ? reshape(per, []) : per;
}

/**
 * Multi-class margin loss on scores (concepts §4), PyTorch's multiclass SVM loss.
 * Formula: ℓᵢ = (1/C)·Σ_{j ≠ yᵢ} w_{yᵢ}·max(0, Δ − s[i, yᵢ] + s[i, j])^p; reduced by mean over
 * N (default), sum or none. The notes' hinge loss is C times this (multiclassHingeLoss).
 * Gradient: ds[i, j] = p·w_{yᵢ}·hᵢⱼ^{p−1}/C for each active j ≠ yᵢ (hᵢⱼ > 0), and ds[i, yᵢ] = −Σ of
 * those, times dy.
 * Shape: input [N, C] or [C], target int32 [N] or [] → [] or [N] ('none').
 * Matches `torch.nn.functional.multi_margin_loss` (weight gets no gradient).
 * @example
 * multiMarginLoss(tensor([[3.2, 5.1, -1.7]]), tensor([0], { dtype: 'int32' })).item() // 0.9667
 */
export function multiMarginLoss(input: Tensor, target: Tensor, opts: MultiMarginLossOptions = {}): Tensor {
  const o = marginOptions('multiMarginLoss', opts);
  return applyReduction(marginSums('multiMarginLoss', input, target, o, true), o.reduction);
}

/** Module form of multiMarginLoss (concepts §4). Matches `torch.nn.MultiMarginLoss`. */
export class MultiMarginLoss extends Module {
  constructor(readonly opts: MultiMarginLossOptions = {}) {
    super();
    marginOptions('MultiMarginLoss', opts);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return multiMarginLoss(forwardInput(this, input), forwardInput(this, target, 'target', tensorHint(target, ", { dtype: 'int32' }")), this.opts);
  }
}
