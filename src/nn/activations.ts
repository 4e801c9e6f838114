// Activation layers as modules (concepts §3); each forwards to its op.

import type { Tensor } from '../tensor/tensor.js';
import { relu } from '../ops/relu.js';
import { sigmoid } from '../ops/sigmoid.js';
import { tanh } from '../ops/tanh.js';
import { softmax, logSoftmax } from '../ops/softmax.js';
import { flatten } from '../ops/reshape.js';
import { forwardInput, Module } from './module.js';
import { checkInt } from '../core/check.js';

/** y = max(0, x) (concepts §3). Matches `torch.nn.ReLU`. */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return relu(forwardInput(this, x));
  }
}

/** y = 1/(1 + e⁻ˣ) (concepts §3). Matches `torch.nn.Sigmoid`. */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return sigmoid(forwardInput(this, x));
  }
}

/** y = tanh x (concepts §3). Matches `torch.nn.Tanh`. */
export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    return tanh(forwardInput(this, x));
  }
}

/** Softmax along `dim` (concepts §3). Matches `torch.nn.Softmax`. */
export class Softmax extends Module {
  constructor(readonly dim = -1) {
    super();
    checkInt('Softmax', 'dim', dim);
  }
  forward(x: Tensor): Tensor {
    return softmax(forwardInput(this, x), this.dim);
  }
  protected override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

/** Log-softmax along `dim` (concepts §3). Matches `torch.nn.LogSoftmax`. */
export class LogSoftmax extends Module {
  constructor(readonly dim = -1) {
    super();
    checkInt('LogSoftmax', 'dim', dim);
  }
  forward(x: Tensor): Tensor {
    return logSoftmax(forwardInput(this, x), this.dim);
  }
  protected override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

/**
 * Flattens dims startDim..endDim (default: all but the batch dim) (concepts §3).
 * Matches `torch.nn.Flatten`.
 */
export class Flatten extends Module {
  constructor(readonly startDim = 1, readonly endDim = -1) {
    super();
    checkInt('Flatten', 'startDim', startDim);
    checkInt('Flatten', 'endDim', endDim);
  }
  forward(x: Tensor): Tensor {
    return flatten(forwardInput(this, x), this.startDim, this.endDim);
  }
}

/** Returns its input (concepts §3). Matches `torch.nn.Identity`. */
export class Identity extends Module {
  forward(x: Tensor): Tensor {
    return forwardInput(this, x);
  }
}
