// Central finite differences: the independent reference that gradcheck holds autograd against.
// Float64 only, one element at a time; slow by design (O(n) forward calls per input).

import { ArgumentError } from '../core/errors.js';
import { isFloat } from '../core/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { badArg, checkFunction, checkNumber, checkOptions } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import { fromArray } from '../tensor/create.js';
import { noGrad } from './no-grad.js';

export interface NumericalGradOptions {
  /** Step of the central difference. Default 1e-6 (PyTorch's gradcheck). */
  eps?: number;
  /** Upstream gradient dy (the output's shape); the derivative is of ⟨dy, fn(x)⟩. Default: ones. */
  gradient?: Tensor;
  /** Indices of the inputs to differentiate; default every floating-point input. */
  wrt?: readonly number[];
}

/**
 * The gradient of ⟨dy, fn(inputs)⟩ by central differences (concepts §2: the notes' numerical
 * gradient).
 * Formula: ∂/∂xⱼ ≈ ⟨dy, fn(x + eps·eⱼ) − fn(x − eps·eⱼ)⟩ / (2·eps).
 * Returns one float64 tensor per input (null for inputs not in `wrt`). Inputs are copied to
 * float64 first and never modified.
 */
export function numericalGrad(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  opts: NumericalGradOptions = {},
): (Tensor | null)[] {
  checkFunction('numericalGrad', 'fn', fn);
  checkInputs('numericalGrad', inputs);
  opts = checkOptions('numericalGrad', opts, ['eps', 'gradient', 'wrt']);
  const eps = checkNumber('numericalGrad', 'eps', opts.eps ?? 1e-6, { min: 0, above: true });
  if (opts.gradient !== undefined) expectTensor('numericalGrad', 'gradient', opts.gradient);
  if (opts.wrt !== undefined && (!Array.isArray(opts.wrt) ||
    !opts.wrt.every((i) => Number.isInteger(i) && i >= 0 && i < inputs.length))) {
    throw badArg('numericalGrad', `wrt must be an array of input indices in [0, ${inputs.length - 1}]`, opts.wrt);
  }
  const wrt = opts.wrt ?? inputs.map((_, i) => i).filter((i) => isFloat(inputs[i].dtype));
  const xs = inputs.map((x) => (isFloat(x.dtype) ? toFloat64(x) : x));
  const dy = opts.gradient ? Float64Array.from(opts.gradient.toTypedArray()) : null;
  const values = (y: Tensor): ArrayLike<number> => {
    const v = y.toTypedArray();
    if (dy && dy.length !== v.length) {
      throw new ArgumentError('numericalGrad', 'gradient must have the output\'s shape', {
        got: [['output', y.shape], ['gradient', opts.gradient!.shape]],
      });
    }
    return v;
  };
  // Σₖ dyₖ·(y⁺ₖ − y⁻ₖ): differences first, so large outputs elsewhere do not swamp small ones
  const contract = (plus: ArrayLike<number>, minus: ArrayLike<number>): number => {
    let s = 0;
    for (let k = 0; k < plus.length; k++) s += (dy ? dy[k] : 1) * (plus[k] - minus[k]);
    return s;
  };
  return noGrad(() =>
    inputs.map((x, i) => {
      if (!wrt.includes(i)) return null;
      if (!isFloat(x.dtype)) {
        throw new ArgumentError('numericalGrad', 'only floating-point inputs can be differentiated', {
          got: [[`inputs[${i}]`, x.dtype]],
        });
      }
      const data = Float64Array.from(x.toTypedArray());
      const grad = new Float64Array(data.length);
      const probe = xs[i];
      for (let j = 0; j < data.length; j++) {
        const orig = data[j];
        data[j] = orig + eps;
        probe.backend.write(probe.storage, data);
        const plus = values(fn(...xs));
        data[j] = orig - eps;
        probe.backend.write(probe.storage, data);
        const minus = values(fn(...xs));
        data[j] = orig;
        grad[j] = contract(plus, minus) / (2 * eps);
      }
      probe.backend.write(probe.storage, data);
      return fromArray(grad, x.shape, { dtype: 'float64', backend: x.backend.name });
    }),
  );
}

/** A float64 copy of x on its backend (a new leaf: no graph, no requiresGrad). */
export function toFloat64(x: Tensor): Tensor {
  return fromArray(Float64Array.from(x.toTypedArray()), x.shape, { dtype: 'float64', backend: x.backend.name });
}

/** The inputs of gradcheck/numericalGrad: an array of live Tensors. */
export function checkInputs(op: string, inputs: unknown): void {
  if (!Array.isArray(inputs)) {
    throw badArg(op, 'inputs must be an array of Tensors', inputs, inputs instanceof Tensor ? `wrap it: ${op}(fn, [x])` : undefined);
  }
  inputs.forEach((x, i) => expectTensor(op, `inputs[${i}]`, x).assertAlive(op));
}
