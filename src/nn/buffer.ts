// A Buffer is module state that is not trained: batch norm's running statistics, a step counter.
// A module owns one by holding it in a field, the same rule that finds parameters (nn/module.ts);
// it is saved in stateDict (unless not persistent), kept alive across trainStep's allocation scope,
// and updated in place under noGrad (x.copy_, x.mul_, x.add_, x.fill_; ops/inplace.ts).

import { keepAlive } from '../tensor/alloc-scope.js';
import { Tensor } from '../tensor/tensor.js';
import { checkBool, checkOptions } from '../core/check.js';
import { notTensor } from '../tensor/expect.js';

export interface BufferOptions {
  /** Saved in stateDict (default true), as torch's register_buffer(persistent=). */
  persistent?: boolean;
}

/**
 * Non-trainable module state (concepts §3): never requires grad, storage pinned like a parameter's.
 * A module field holding a Buffer is found by namedBuffers() and saved by stateDict() under its
 * PyTorch path (`0.running_mean` is `runningMean` camelCased back to torch's key by the layer).
 * Matches a tensor given to `torch.nn.Module.register_buffer`.
 * @example
 * class Counter extends Module {
 *   steps = new Buffer(zeros([], { dtype: 'int32' }));
 *   forward(x: Tensor) { noGrad(() => this.steps.add_(1)); return x; }
 * }
 */
export class Buffer extends Tensor {
  readonly persistent: boolean;
  constructor(data: Tensor, opts: BufferOptions = {}) {
    if (!(data instanceof Tensor)) throw notTensor('Buffer', 'data', data);
    const o = checkOptions('Buffer', opts, ['persistent']);
    if (o.persistent !== undefined) checkBool('Buffer', 'persistent', o.persistent);
    data.assertAlive('Buffer');
    super(data.storage, data.shape, data.backend, data.dtype);
    this.persistent = o.persistent ?? true;
    keepAlive(this);
  }
}

/** True when `x` is a Buffer (concepts §3). */
export function isBuffer(x: unknown): x is Buffer {
  return x instanceof Buffer;
}
