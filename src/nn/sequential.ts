// Sequential: modules applied in order; parameter paths `0.weight`, `2.bias` as in PyTorch.

import type { Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';

/**
 * Applies its modules in order (SPEC §3). Matches `torch.nn.Sequential` (same state_dict keys).
 * @example
 * const model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2));
 * model.forward(zeros([5, 4])).shape // [5, 2]
 * model.namedParameters().map(([path]) => path) // ["0.weight", "0.bias", "2.weight", "2.bias"]
 */
export class Sequential extends Module {
  readonly modules: Module[];
  constructor(...modules: Module[]) {
    super();
    this.modules = modules;
  }
  override namedChildren(): [string, Module][] {
    return this.modules.map((m, i) => [String(i), m]);
  }
  forward(x: Tensor): Tensor {
    let y = x;
    for (const m of this.modules) y = m.forward(y);
    return y;
  }
  get length(): number {
    return this.modules.length;
  }
  at(i: number): Module {
    return this.modules[i < 0 ? i + this.modules.length : i];
  }
}
