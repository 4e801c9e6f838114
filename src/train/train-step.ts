// One training step, read top to bottom like llm.c's main: forward, loss, zeroGrad, backward,
// NaN check, optimizer step.

import { NumericalError } from '../core/errors.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Module } from '../nn/module.js';
import type { Optimizer } from '../optim/optimizer.js';

export type LossFn = (output: Tensor, target: Tensor) => Tensor;

export interface StepResult {
  loss: number;
  output: Tensor;
}

/**
 * Runs forward, loss, backward and the optimizer update on one batch. A loss that is NaN or
 * infinite stops training with a NumericalError naming the step and the value, before the
 * parameters are touched (the update is not applied).
 */
export function trainStep(model: Module, lossFn: LossFn, optimizer: Optimizer, x: Tensor, y: Tensor): StepResult {
  const output = model.forward(x);
  const lossT = lossFn(output, y);
  const loss = lossT.item();
  if (!Number.isFinite(loss)) {
    throw new NumericalError('trainStep', `loss is ${loss} at step ${optimizer.stepCount + 1}; the parameters were not updated`, {
      step: optimizer.stepCount + 1,
      loss,
    }, 'lower the learning rate, check the inputs for NaN/Inf, or scale the inputs to [0, 1]');
  }
  optimizer.zeroGrad();
  lossT.backward();
  optimizer.step();
  return { loss, output };
}
