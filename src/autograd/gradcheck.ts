// gradcheck: autograd's gradients against central differences, in float64 (PyTorch's defaults).

import { ArgumentError, formatShape } from '../core/errors.js';
import { isFloat } from '../core/dtype.js';
import { Rng } from '../core/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import { fromArray } from '../tensor/create.js';
import { backward } from './engine.js';
import { checkInputs, numericalGrad, toFloat64 } from './numerical-grad.js';
import { badArg, checkFunction, checkInt, checkNumber, checkOptions } from '../core/check.js';

export interface GradcheckOptions {
  /** Central-difference step. Default 1e-6. */
  eps?: number;
  /** Element passes when |analytic − numerical| ≤ atol + rtol·|numerical|. Defaults 1e-5, 1e-3. */
  atol?: number;
  rtol?: number;
  /** Seed of the random upstream gradient dy ~ N(0, 1) (never all ones). Default 0. */
  seed?: number;
  /** Names of the inputs for the report (e.g. ['a', 'b']). */
  names?: readonly string[];
}

export interface GradcheckInputReport {
  /** Position in `inputs`. */
  index: number;
  name: string;
  shape: readonly number[];
  /** max |analytic − numerical| over the elements. */
  maxAbsError: number;
  /** max |analytic − numerical| / max(|numerical|, atol) over the elements. */
  maxRelError: number;
  /** Flat index of the element with the largest excess over the tolerance (or abs error). */
  worstIndex: number;
  analytic: number;
  numerical: number;
  ok: boolean;
}

export interface GradcheckReport {
  ok: boolean;
  inputs: GradcheckInputReport[];
  /** A readable table, one line per input; what a failing test prints. */
  summary: string;
}

/**
 * Checks the gradients autograd computes for `fn` against central differences.
 * Every input with `requiresGrad` is copied to float64 and checked; int32 inputs pass through.
 * The output is contracted with a fixed random dy, so a backward that ignores dy fails.
 * Formula: analytic = ∂⟨dy, fn(x)⟩/∂x by backward(); numerical = numericalGrad (eps 1e-6).
 * Defaults match `torch.autograd.gradcheck` (eps 1e-6, atol 1e-5, rtol 1e-3). concepts §2.
 * @example
 * const x = tensor([0.5, -1.2], { dtype: 'float64', requiresGrad: true });
 * gradcheck((x) => sigmoid(x), [x]).ok; // true
 */
export function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  opts: GradcheckOptions = {},
): GradcheckReport {
  checkFunction('gradcheck', 'fn', fn);
  checkInputs('gradcheck', inputs);
  const o = checkOptions('gradcheck', opts, ['eps', 'atol', 'rtol', 'seed', 'names']);
  const eps = checkNumber('gradcheck', 'eps', o.eps ?? 1e-6, { min: 0, above: true });
  const atol = checkNumber('gradcheck', 'atol', o.atol ?? 1e-5, { min: 0 });
  const rtol = checkNumber('gradcheck', 'rtol', o.rtol ?? 1e-3, { min: 0 });
  if (o.seed !== undefined) checkInt('gradcheck', 'seed', o.seed);
  if (o.names !== undefined && (!Array.isArray(o.names) || !o.names.every((n) => typeof n === 'string'))) {
    throw badArg('gradcheck', 'names must be an array of strings', o.names);
  }
  const wrt = inputs.map((_, i) => i).filter((i) => inputs[i].requiresGrad);
  if (wrt.length === 0) {
    throw new ArgumentError('gradcheck', 'at least one input must have requiresGrad set', {
      got: inputs.map((x, i) => [opts.names?.[i] ?? `inputs[${i}]`, x.shape] as [string, readonly number[]]),
    });
  }
  for (const i of wrt) {
    if (!isFloat(inputs[i].dtype)) {
      throw new ArgumentError('gradcheck', 'only floating-point inputs can require grad', {
        got: [[opts.names?.[i] ?? `inputs[${i}]`, inputs[i].dtype]],
      });
    }
  }
  const xs = inputs.map((x, i) => {
    if (!isFloat(x.dtype)) return x;
    const c = toFloat64(x);
    c.requiresGrad = wrt.includes(i);
    return c;
  });
  const y = fn(...xs);
  if (!isFloat(y.dtype)) {
    throw new ArgumentError('gradcheck', 'fn must return a floating-point tensor', { got: [['output', y.dtype]] });
  }
  const rng = new Rng(opts.seed ?? 0);
  const dyData = new Float64Array(y.size);
  for (let i = 0; i < dyData.length; i++) dyData[i] = rng.normal();
  const dy = fromArray(dyData, y.shape, { dtype: 'float64', backend: y.backend.name });
  if (y.requiresGrad) backward(y, { gradient: dy });
  const numeric = numericalGrad(fn, xs, { eps, gradient: dy, wrt });

  const reports = wrt.map((i): GradcheckInputReport => {
    const x = xs[i];
    const n = numeric[i]!.toTypedArray();
    const a = x.grad ? x.grad.toTypedArray() : new Float64Array(n.length);
    const name = opts.names?.[i] ?? `inputs[${i}]`;
    const r: GradcheckInputReport = {
      index: i, name, shape: x.shape, maxAbsError: 0, maxRelError: 0, worstIndex: -1,
      analytic: NaN, numerical: NaN, ok: true,
    };
    if (x.grad && x.grad.size !== x.size) {
      return { ...r, ok: false, maxAbsError: Infinity, maxRelError: Infinity };
    }
    let worstExcess = -Infinity;
    for (let j = 0; j < n.length; j++) {
      const err = Math.abs(a[j] - n[j]);
      const bad = !(err <= atol + rtol * Math.abs(n[j])); // NaN fails
      const excess = bad ? Infinity : err - (atol + rtol * Math.abs(n[j]));
      if (Number.isNaN(err) || err > r.maxAbsError) r.maxAbsError = Number.isNaN(err) ? NaN : err;
      r.maxRelError = Math.max(r.maxRelError, err / Math.max(Math.abs(n[j]), atol));
      if (excess > worstExcess || r.worstIndex < 0) {
        worstExcess = excess;
        r.worstIndex = j;
        r.analytic = a[j];
        r.numerical = n[j];
      }
      if (bad) r.ok = false;
    }
    return r;
  });
  const ok = reports.every((r) => r.ok);
  const lines = reports.map((r) =>
    `  ${r.name} ${formatShape(r.shape)}: max abs error ${r.maxAbsError.toExponential(2)}, ` +
    `max rel error ${r.maxRelError.toExponential(2)}` +
    (r.worstIndex >= 0 ? ` (worst at [${r.worstIndex}]: analytic ${r.analytic}, numerical ${r.numerical})` : '') +
    (r.ok ? '  ok' : '  FAIL'));
  const summary = `gradcheck ${ok ? 'passed' : 'FAILED'} (eps ${eps}, atol ${atol}, rtol ${rtol})\n${lines.join('\n')}`;
  return { ok, inputs: reports, summary };
}

export { numericalGrad, type NumericalGradOptions } from './numerical-grad.js';
