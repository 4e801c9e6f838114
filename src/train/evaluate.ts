// Evaluation of a classifier: mean loss and accuracy over batches, in eval mode, without grad.

import type { Tensor } from '../tensor/tensor.js';
import type { Module } from '../nn/module.js';
import { noGrad } from '../autograd/no-grad.js';
import { argmax } from '../ops/argmax.js';
import { eq } from '../ops/compare.js';
import { sum } from '../ops/sum.js';
import type { LossFn } from './train-step.js';

export interface EvalResult {
  loss: number;
  accuracy: number;
  count: number;
}

/**
 * Loss and accuracy of a model over validation or test batches, in eval mode and without a
 * graph (SPEC §7). Accuracy = fraction of rows whose argmax equals the int32 label; loss averaged
 * per sample.
 */
export function evaluate(model: Module, batches: Iterable<readonly Tensor[]>, lossFn?: LossFn): EvalResult {
  const wasTraining = model.training;
  model.eval();
  let correct = 0, count = 0, lossSum = 0;
  try {
    noGrad(() => {
      for (const [x, y] of batches) {
        const out = model.forward(x);
        const n = out.shape[0];
        correct += sum(eq(argmax(out, 1), y)).item();
        if (lossFn) lossSum += lossFn(out, y).item() * n;
        count += n;
      }
    });
  } finally {
    model.train(wasTraining);
  }
  return { loss: lossFn ? lossSum / Math.max(count, 1) : NaN, accuracy: correct / Math.max(count, 1), count };
}

/** Fraction of correct predictions of logits [N, C] against int32 labels [N] (SPEC §7). */
export function accuracy(logits: Tensor, labels: Tensor): number {
  return noGrad(() => sum(eq(argmax(logits, 1), labels)).item() / Math.max(labels.shape[0], 1));
}
