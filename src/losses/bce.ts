// Binary cross-entropy on probabilities (concepts §4).

import { ArgumentError, ShapeError } from '../core/errors.js';
import { broadcastShapes, sameShape } from '../core/shape.js';
import { expectTensor } from '../tensor/expect.js';
import { requireFloat } from '../ops/elementwise.js';
import type { Tensor } from '../tensor/tensor.js';
import { add } from '../ops/add.js';
import { sub } from '../ops/sub.js';
import { mul } from '../ops/mul.js';
import { neg } from '../ops/neg.js';
import { log } from '../ops/log.js';
import { clamp } from '../ops/clamp.js';
import { applyReduction, expectSameShape, lossOptions, type Reduction } from './reduction.js';
import { forwardInput, Module } from '../nn/module.js';

export interface BCELossOptions {
  /** Rescales each element's loss; broadcasts to input's shape (default all 1). */
  weight?: Tensor;
  reduction?: Reduction;
}

function bceOptions(op: string, opts: BCELossOptions | undefined) {
  const o = lossOptions(op, opts, ['weight']);
  if (o.weight !== undefined) requireFloat(op, expectTensor(op, 'weight', o.weight), 'weight');
  return o;
}

/** An optional weight that broadcasts to `shape` without growing it (the binary losses). */
export function elementWeight(op: string, arg: string, w: Tensor | undefined, input: Tensor): void {
  if (w === undefined) return;
  const shape = broadcastShapes(op, ['input', arg], [input.shape, w.shape]);
  if (!sameShape(shape, input.shape)) {
    throw new ShapeError(op, `${arg} must broadcast to input's shape`, { got: [['input', input.shape], [arg, w.shape]] });
  }
}

/** Every value of `t` (named `arg`) in [0, 1], or the error naming the first that is not. */
function expectProbabilities(op: string, arg: string, t: Tensor): void {
  const v = t.toTypedArray();
  for (let i = 0; i < v.length; i++) {
    if (v[i] >= 0 && v[i] <= 1) continue;
    const idx: number[] = [];
    for (let d = t.ndim - 1, f = i; d >= 0; d--) {
      idx.unshift(f % t.shape[d]);
      f = Math.floor(f / t.shape[d]);
    }
    throw new ArgumentError(op, `${arg} must hold probabilities in [0, 1]`,
      { got: [[`${arg}${t.ndim ? `[${idx.join(', ')}]` : ''} = ${v[i]}`]] },
      arg === 'input' ? 'for logits use binaryCrossEntropyWithLogits' : undefined);
  }
}

/** Below e^-100, so log(max(x, TINY)) clamped at -100 is torch's clamped log; its gradient stays finite at 0. */
const TINY = 1e-44;

/** max(log x, −100), with a finite gradient at x = 0. */
const clampedLog = (x: Tensor) => clamp(log(clamp(x, TINY)), -100);

/**
 * Binary cross-entropy of probabilities `input` against targets in [0, 1] (concepts §4).
 * Formula: ℓ = −w·(y·log x + (1 − y)·log(1 − x)), each log clamped at −100 as in PyTorch (so a
 * certain wrong answer costs 100, not ∞); reduced by mean (default), sum or none.
 * Gradient: dx = w·(x − y)/(x(1 − x))·dy, dy_target = w·(log(1 − x) − log x)·dy.
 * Shape: input and target of the same shape; weight broadcasts to it.
 * Matches `torch.nn.functional.binary_cross_entropy`, which also refuses input outside [0, 1]
 * (nabla checks target too). At x exactly 0 or 1 the gradient is that of the clamped formula
 * (finite), where torch divides by max(x(1 − x), 1e-12).
 * @example
 * binaryCrossEntropy(tensor([0.9, 0.2]), tensor([1, 0])).item() // 0.1643
 */
export function binaryCrossEntropy(input: Tensor, target: Tensor, opts: BCELossOptions = {}): Tensor {
  const o = bceOptions('binaryCrossEntropy', opts);
  expectSameShape('binaryCrossEntropy', input, target);
  elementWeight('binaryCrossEntropy', 'weight', o.weight, input);
  expectProbabilities('binaryCrossEntropy', 'input', input);
  expectProbabilities('binaryCrossEntropy', 'target', target);
  const l = neg(add(mul(target, clampedLog(input)), mul(sub(1, target), clampedLog(sub(1, input)))));
  return applyReduction(o.weight ? mul(l, o.weight) : l, o.reduction);
}

/** Module form of binaryCrossEntropy (concepts §4). Matches `torch.nn.BCELoss`. */
export class BCELoss extends Module {
  constructor(readonly opts: BCELossOptions = {}) {
    super();
    bceOptions('BCELoss', opts);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropy(forwardInput(this, input), forwardInput(this, target, 'target'), this.opts);
  }
}
