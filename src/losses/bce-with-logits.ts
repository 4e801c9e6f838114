// Binary cross-entropy on logits, sigmoid included and numerically stable (concepts §4).

import { expectTensor } from '../tensor/expect.js';
import { requireFloat } from '../ops/elementwise.js';
import type { Tensor } from '../tensor/tensor.js';
import { add } from '../ops/add.js';
import { sub } from '../ops/sub.js';
import { mul } from '../ops/mul.js';
import { neg } from '../ops/neg.js';
import { exp } from '../ops/exp.js';
import { log } from '../ops/log.js';
import { relu } from '../ops/relu.js';
import { applyReduction, expectSameShape, lossOptions, type Reduction } from './reduction.js';
import { elementWeight } from './bce.js';
import { forwardInput, Module } from '../nn/module.js';

export interface BCEWithLogitsLossOptions {
  /** Rescales each element's loss; broadcasts to input's shape (default all 1). */
  weight?: Tensor;
  /** Weight p of the positive term, e.g. [C] per class for multi-label (default 1). */
  posWeight?: Tensor;
  reduction?: Reduction;
}

function bceLogitsOptions(op: string, opts: BCEWithLogitsLossOptions | undefined) {
  const o = lossOptions(op, opts, ['weight', 'posWeight']);
  if (o.weight !== undefined) requireFloat(op, expectTensor(op, 'weight', o.weight), 'weight');
  if (o.posWeight !== undefined) requireFloat(op, expectTensor(op, 'posWeight', o.posWeight), 'posWeight');
  return o;
}

/**
 * softplus(−x) = log(1 + e^{−x}) = log(e^{−m} + e^{−x−m}) + m with m = max(−x, 0): no exp
 * overflows, and the value does not depend on m, so m's kink adds nothing to the gradient.
 */
function softplusNeg(x: Tensor): Tensor {
  const m = relu(neg(x));
  return add(log(add(exp(neg(m)), exp(sub(neg(x), m)))), m);
}

/**
 * Binary cross-entropy of sigmoid(input) against targets y, computed from the logits
 * (concepts §4). Formula: ℓ = w·((1 − y)·x + (1 + (p − 1)·y)·log(1 + e^{−x})), which is
 * −w·(p·y·log σ(x) + (1 − y)·log(1 − σ(x))) without forming σ(x); reduced by mean (default),
 * sum or none.
 * Gradient: dx = w·((1 + (p − 1)y)·σ(x) − p·y)·dy — the notes' (o − y) when p = 1, w = 1.
 * Shape: input and target of the same shape; weight and posWeight broadcast to it.
 * Matches `torch.nn.functional.binary_cross_entropy_with_logits` (the same stable form).
 * @example
 * binaryCrossEntropyWithLogits(tensor([2, -1]), tensor([1, 0])).item() // 0.2201
 */
export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor, opts: BCEWithLogitsLossOptions = {}): Tensor {
  const op = 'binaryCrossEntropyWithLogits';
  const o = bceLogitsOptions(op, opts);
  expectSameShape(op, input, target);
  elementWeight(op, 'weight', o.weight, input);
  elementWeight(op, 'posWeight', o.posWeight, input);
  const sp = softplusNeg(input);
  const logWeight = o.posWeight ? add(mul(sub(o.posWeight, 1), target), 1) : null;
  const l = add(mul(sub(1, target), input), logWeight ? mul(logWeight, sp) : sp);
  return applyReduction(o.weight ? mul(l, o.weight) : l, o.reduction);
}

/** Module form of binaryCrossEntropyWithLogits (concepts §4). Matches `torch.nn.BCEWithLogitsLoss`. */
export class BCEWithLogitsLoss extends Module {
  constructor(readonly opts: BCEWithLogitsLossOptions = {}) {
    super();
    bceLogitsOptions('BCEWithLogitsLoss', opts);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropyWithLogits(forwardInput(this, input), forwardInput(this, target, 'target'), this.opts);
  }
}
