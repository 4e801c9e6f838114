// Sequential: modules applied in order; parameter paths `0.weight`, `2.bias` as in PyTorch.

import type { Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';

/** Applies its modules in order. Matches `torch.nn.Sequential` (same state_dict keys). */
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
