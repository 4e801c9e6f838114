// Evaluation of a classifier: mean loss and accuracy over batches, in eval mode, without grad.

import type { Tensor } from '../tensor/tensor.js';
import type { Module } from '../nn/module.js';
import { noGrad } from '../autograd/no-grad.js';
import { withAllocScope } from '../tensor/alloc-scope.js';
import { argmax } from '../ops/argmax.js';
import { eq } from '../ops/compare.js';
import { sum } from '../ops/sum.js';
import { checkModule, type LossFn } from './train-step.js';
import { badArg, checkFunction } from '../core/check.js';
import { ShapeError } from '../core/errors.js';
import { expectTensor, tensorHint } from '../tensor/expect.js';

export interface EvalResult {
  loss: number;
  accuracy: number;
  count: number;
}

/**
 * Loss and accuracy of a model over validation or test batches, in eval mode and without a
 * graph (concepts §7). Accuracy = fraction of rows whose argmax equals the int32 label; loss averaged
 * per sample.
 */
export function evaluate(model: Module, batches: Iterable<readonly Tensor[]>, lossFn?: LossFn): EvalResult {
  checkModule('evaluate', model);
  if (typeof batches !== 'object' || batches === null || typeof (batches as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw badArg('evaluate', 'batches must be an iterable of [x, y] (a DataLoader, say)', batches);
  }
  if (lossFn !== undefined) checkFunction('evaluate', 'lossFn', lossFn);
  const wasTraining = model.training;
  model.eval();
  let correct = 0, count = 0, lossSum = 0;
  try {
    noGrad(() => {
      for (const batch of batches) {
        if (!Array.isArray(batch) || batch.length < 2) throw badArg('evaluate', 'every batch must be [x, y]', batch);
        const [x, y] = batch;
        expectTensor('evaluate', 'x', x);
        expectTensor('evaluate', 'y', y);
        // the batch's activations die here: release them now rather than leave them to eviction
        // (docs/design.md §3); only numbers leave the scope
        const [c, l, n] = withAllocScope(() => {
          const out = model.forward(x);
          const n = out.shape[0];
          return [sum(eq(argmax(out, 1), y)).item(), lossFn ? lossFn(out, y).item() * n : 0, n];
        }, () => []);
        correct += c;
        lossSum += l;
        count += n;
      }
    });
  } finally {
    model.train(wasTraining);
  }
  return { loss: lossFn ? lossSum / Math.max(count, 1) : NaN, accuracy: correct / Math.max(count, 1), count };
}

/** Fraction of correct predictions of logits [N, C] against int32 labels [N] (concepts §7). */
export function accuracy(logits: Tensor, labels: Tensor): number {
  expectTensor('accuracy', 'logits', logits);
  expectTensor('accuracy', 'labels', labels, tensorHint(labels, ", { dtype: 'int32' }"));
  if (logits.ndim !== 2 || labels.ndim !== 1 || labels.shape[0] !== logits.shape[0]) {
    throw new ShapeError('accuracy', 'logits must be [N, C] and labels [N]', { got: [['logits', logits.shape], ['labels', labels.shape]] });
  }
  return noGrad(() => sum(eq(argmax(logits, 1), labels)).item() / Math.max(labels.shape[0], 1));
}
