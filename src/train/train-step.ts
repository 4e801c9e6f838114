// One training step, read top to bottom like llm.c's main: forward, loss, zeroGrad, backward,
// NaN check, optimizer step — with its temporaries released when it returns.

import { NumericalError } from '../core/errors.js';
import type { Storage } from '../backend/kernels.js';
import type { Tensor } from '../tensor/tensor.js';
import { withAllocScope } from '../tensor/alloc-scope.js';
import { checkModuleArg, type Module } from '../nn/module.js';
import { Optimizer } from '../optim/optimizer.js';
import { badArg, checkFunction } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';

export type LossFn = (output: Tensor, target: Tensor) => Tensor;

export interface StepResult {
  loss: number;
  output: Tensor;
}

/**
 * One iteration of mini-batch gradient descent (concepts §6): forward, loss, zeroGrad, backward and
 * the optimizer update on one batch. A loss that is NaN or infinite stops training with a
 * NumericalError naming the step and the value, before the parameters are touched (the update is
 * not applied).
 *
 * Memory: everything the step allocates is released when it returns, except what escapes — the
 * returned `output`, the gradient buffers and the module's buffers. So a loop of trainStep calls
 * reuses the same memory every step on every backend (docs/design.md §3). A module must keep
 * state in buffers, not in other fields.
 * @example
 * const model = new Sequential(new Linear(2, 2));
 * const opt = new SGD(model.parameters(), { lr: 0.1 });
 * const x = tensor([[1, 0], [0, 1]]), y = tensor([0, 1], { dtype: 'int32' });
 * const first = trainStep(model, crossEntropy, opt, x, y).loss;
 * trainStep(model, crossEntropy, opt, x, y).loss < first // true
 * opt.stepCount // 2
 */
export function trainStep(model: Module, lossFn: LossFn, optimizer: Optimizer, x: Tensor, y: Tensor): StepResult {
  checkModule('trainStep', model);
  checkFunction('trainStep', 'lossFn', lossFn);
  if (!(optimizer instanceof Optimizer)) {
    throw badArg('trainStep', 'optimizer must be an Optimizer (SGD, Adam, …)', optimizer,
      typeof optimizer === 'function' ? `construct it: new ${(optimizer as { name: string }).name}(model.parameters(), { lr })` : undefined);
  }
  expectTensor('trainStep', 'x', x);
  expectTensor('trainStep', 'y', y);
  let loss = NaN;
  const output = withAllocScope(
    () => {
      const output = model.forward(x);
      const lossT = lossFn(output, y);
      loss = lossT.item();
      if (!Number.isFinite(loss)) {
        throw new NumericalError('trainStep', `loss is ${loss} at step ${optimizer.stepCount + 1}; the parameters were not updated`, {
          step: optimizer.stepCount + 1,
          loss,
        }, 'lower the learning rate, check the inputs for NaN/Inf, or scale the inputs to [0, 1]');
      }
      optimizer.zeroGrad();
      lossT.backward();
      optimizer.step();
      return output;
    },
    (out) => escaping(out, model, optimizer, [x, y]),
  );
  return { loss, output };
}

/** A Module (not its class, not a plain function). */
export function checkModule(op: string, model: unknown): void {
  checkModuleArg(op, 'model', model);
}

function escaping(output: Tensor, model: Module, optimizer: Optimizer, inputs: Tensor[]): Storage[] {
  const keep = [output.storage];
  for (const t of inputs) if (t.grad) keep.push(t.grad.storage);
  for (const p of optimizer.params) if (p.grad) keep.push(p.grad.storage);
  for (const p of model.parameters()) if (p.grad) keep.push(p.grad.storage);
  for (const [, b] of model.namedBuffers()) keep.push(b.storage);
  return keep;
}
