// Sequential: modules applied in order; parameter paths `0.weight`, `2.bias` as in PyTorch.

import type { Tensor } from '../tensor/tensor.js';
import { checkModuleArg, forwardInput, Module } from './module.js';
import { badArg, checkInt } from '../core/check.js';

/**
 * Applies its modules in order (concepts §3). Matches `torch.nn.Sequential` (same state_dict keys).
 * @example
 * const model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2));
 * model.forward(zeros([5, 4])).shape // [5, 2]
 * model.namedParameters().map(([path]) => path) // ["0.weight", "0.bias", "2.weight", "2.bias"]
 */
export class Sequential extends Module {
  readonly modules: Module[];
  constructor(...modules: Module[]) {
    super();
    modules.forEach((m, i) => checkModuleArg('Sequential', `modules[${i}]`, m));
    this.modules = modules;
  }
  override namedChildren(): [string, Module][] {
    return this.modules.map((m, i) => [String(i), m]);
  }
  forward(x: Tensor): Tensor {
    let y = forwardInput(this, x);
    for (const m of this.modules) y = m.forward(y);
    return y;
  }
  get length(): number {
    return this.modules.length;
  }
  at(i: number): Module {
    checkInt('Sequential.at', 'i', i);
    if (i < -this.modules.length || i >= this.modules.length) {
      throw badArg('Sequential.at', `i must lie in [${-this.modules.length}, ${this.modules.length - 1}]`, i);
    }
    return this.modules[i < 0 ? i + this.modules.length : i];
  }
}
