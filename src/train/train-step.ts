// One training step, read top to bottom like llm.c's main: forward, loss, zeroGrad, backward,
// NaN check, optimizer step — with its temporaries released when it returns.

import { NumericalError } from '../core/errors.js';
import type { Storage } from '../backend/kernels.js';
import type { Tensor } from '../tensor/tensor.js';
import { withAllocScope } from '../tensor/alloc-scope.js';
import { checkModuleArg, type Module } from '../nn/module.js';
import { Optimizer } from '../optim/optimizer.js';
import { badArg, checkFunction, checkOptions } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import { add } from '../ops/index.js';
import { isPenalty, type Penalty } from '../regularize/index.js';

export type LossFn = (output: Tensor, target: Tensor) => Tensor;

export interface StepResult {
  /**
   * The total loss the step minimized, dataLoss + penalty (added in double precision). Without a
   * penalty it is the data loss, as before penalties existed.
   */
  loss: number;
  /** The loss function's value on the batch. */
  dataLoss: number;
  /** Σ of the penalties' values R(W) (concepts §5); 0 without a penalty. */
  penalty: number;
  output: Tensor;
}

export interface TrainStepOptions {
  /** Weight penalties added to the data loss (l2Penalty, weightDecay, …; concepts §5). */
  penalty?: Penalty | readonly Penalty[];
}

/**
 * One iteration of mini-batch gradient descent (concepts §6): forward, loss, zeroGrad, backward and
 * the optimizer update on one batch. With `{ penalty }` the minimized loss is the data loss plus
 * every penalty's R(W) (concepts §5), reported in two parts: `dataLoss` and `penalty`, `loss` their
 * sum. A total loss that is NaN or infinite stops training with a NumericalError naming the step
 * and the value, before the parameters are touched (the update is not applied).
 *
 * Memory: everything the step allocates is released when it returns, except what escapes — the
 * returned `output`, the gradient buffers (a penalty's too) and the module's buffers. So a loop of
 * trainStep calls reuses the same memory every step on every backend (docs/design.md §3). A
 * module must keep state in buffers, not in other fields.
 * @example
 * const model = new Sequential(new Linear(2, 2));
 * const opt = new SGD(model.parameters(), { lr: 0.1 });
 * const x = tensor([[1, 0], [0, 1]]), y = tensor([0, 1], { dtype: 'int32' });
 * const first = trainStep(model, crossEntropy, opt, x, y).loss;
 * trainStep(model, crossEntropy, opt, x, y).loss < first // true
 * opt.stepCount // 2
 * const r = trainStep(model, crossEntropy, opt, x, y, { penalty: weightDecay(model, 0.01) });
 * r.loss === r.dataLoss + r.penalty // true
 */
export function trainStep(
  model: Module, lossFn: LossFn, optimizer: Optimizer, x: Tensor, y: Tensor, options?: TrainStepOptions,
): StepResult {
  checkModule('trainStep', model);
  checkFunction('trainStep', 'lossFn', lossFn);
  if (!(optimizer instanceof Optimizer)) {
    throw badArg('trainStep', 'optimizer must be an Optimizer (SGD, Adam, …)', optimizer,
      typeof optimizer === 'function' ? `construct it: new ${(optimizer as { name: string }).name}(model.parameters(), { lr })` : undefined);
  }
  expectTensor('trainStep', 'x', x);
  expectTensor('trainStep', 'y', y);
  const penalties = penaltyList(checkOptions('trainStep', options, ['penalty']).penalty);
  let loss = NaN, dataLoss = NaN, penalty = 0;
  const output = withAllocScope(
    () => {
      const output = model.forward(x);
      const dataT = lossFn(output, y);
      dataLoss = dataT.item();
      let lossT = dataT;
      if (penalties.length > 0) {
        const r = penalties.map((p) => p.value()).reduce((a, b) => add(a, b));
        penalty = r.item();
        lossT = add(dataT, r);
      }
      loss = dataLoss + penalty;
      if (!Number.isFinite(loss)) {
        const parts = penalties.length > 0 ? ` (data loss ${dataLoss} + penalty ${penalty})` : '';
        const at = `at step ${optimizer.stepCount + 1}; the parameters were not updated`;
        throw new NumericalError('trainStep', `loss is ${loss}${parts} ${at}`, {
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
  return { loss, dataLoss, penalty, output };
}

/** The penalty option as a list (checked before the step changes anything). */
function penaltyList(p: unknown): readonly Penalty[] {
  if (p === undefined) return [];
  const list = Array.isArray(p) ? p : [p];
  list.forEach((q, i) => {
    if (isPenalty(q)) return;
    const hint = typeof q === 'function' ? `call it: { penalty: ${q.name}(model, λ) }`
      : typeof q === 'number' ? `make one: { penalty: l2Penalty(model, ${q}) }` : undefined;
    const arg = Array.isArray(p) ? `penalty[${i}]` : 'penalty';
    throw badArg('trainStep', `${arg} must be a Penalty (l1Penalty, l2Penalty, elasticNet, weightDecay)`, q, hint);
  });
  return list;
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
