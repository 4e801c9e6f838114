// LSUV, layer-sequential unit-variance init (Mishkin & Matas 2016, "All you need is a good init").

import type { Tensor } from '../../tensor/tensor.js';
import type { Rng } from '../../core/rng.js';
import { badArg, checkInt, checkNumber, checkOptions } from '../../core/check.js';
import { checkRng } from '../../core/rng.js';
import { expectTensor } from '../../tensor/expect.js';
import { withAllocScope } from '../../tensor/alloc-scope.js';
import { noGrad } from '../../autograd/no-grad.js';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';
import { orthogonal_ } from './orthogonal.js';
import { zeros_ } from './constant.js';
import { writeValues } from './fan.js';

export interface LsuvOptions {
  /** Stop when |Var(output) − 1| < tol (default 0.1, the paper's Tol_var). */
  tol?: number;
  /** At most this many rescalings per layer (default 10, the paper's T_max). */
  maxIter?: number;
  /** Generator of the orthonormal start (default the global one). */
  rng?: Rng;
}

/** What lsuv did to one layer. */
export interface LsuvLayerReport {
  /** The layer's path in the model, as namedParameters spells it ('0', 'encoder.2'; '' for the model itself). */
  name: string;
  /** Variance of the layer's output on the batch after the orthonormal start, before rescaling. */
  varianceBefore: number;
  varianceAfter: number;
  /** Rescalings done (0 when the orthonormal start was already within tol). */
  iterations: number;
  converged: boolean;
}

/**
 * LSUV init (Mishkin & Matas 2016; concepts §6). Every layer with a weight Parameter of ≥ 2 dims
 * (Linear, later conv layers) gets an orthonormal weight (orthogonal_, gain 1) and a zero bias;
 * then, layer by layer in the order the model's forward calls them, the batch is passed through
 * the model and the layer's weight is divided by the standard deviation of the layer's output,
 * W ← W/√Var(B), until |Var(B) − 1| < tol or maxIter rescalings. Var is the unbiased variance
 * over all output elements (torch's `.var()`, as the paper's reference code). Runs under noGrad,
 * in the model's current train/eval mode, and writes the parameters in place.
 *
 * Limitation: a layer's output is captured by wrapping its `forward` for the duration of the
 * call, so only layers the model reaches through `layer.forward(…)` are initialized (a layer whose
 * weight the model uses directly, or that forward never calls on this batch, is left as it was and
 * gets no report); a layer called twice is measured at its first call.
 * @example
 * const model = new Sequential(new Linear(20, 30), new ReLU(), new Linear(30, 5));
 * const report = init.lsuv(model, randn([64, 20]));
 * report.map((r) => r.converged) // [true, true]
 * report.map((r) => r.name) // ["0", "2"]
 */
export function lsuv(model: Module, batch: Tensor, opts: LsuvOptions = {}): LsuvLayerReport[] {
  if (!(model instanceof Module)) {
    const isClass = typeof model === 'function' && (model as { prototype?: unknown }).prototype instanceof Module;
    throw badArg('lsuv', 'model must be a Module', model, isClass ? `construct it: new ${(model as { name: string }).name}(…)` : undefined);
  }
  const x = expectTensor('lsuv', 'batch', batch);
  x.assertAlive('lsuv');
  const o = checkOptions('lsuv', opts, ['tol', 'maxIter', 'rng']);
  const tol = o.tol === undefined ? 0.1 : checkNumber('lsuv', 'tol', o.tol, { min: 0, above: true });
  const maxIter = o.maxIter === undefined ? 10 : checkInt('lsuv', 'maxIter', o.maxIter, 0);
  checkRng('lsuv', o.rng);
  const found = weightLayers(model);
  if (found.length === 0) {
    throw badArg('lsuv', 'model must contain a layer with a weight Parameter of at least 2 dims (Linear)', model);
  }
  // the probing forwards would move buffers (batch norm's running statistics in training): they
  // are saved here and restored at the end, so lsuv changes only the weights and biases
  const buffers = model.buffers();
  const saved = buffers.map((b) => b.clone());
  try {
    return run(model, x, found, tol, maxIter, o.rng);
  } finally {
    noGrad(() => buffers.forEach((b, i) => b.copy_(saved[i])));
  }
}

function run(model: Module, x: Tensor, found: [string, WeightLayer][], tol: number, maxIter: number, rng: Rng | undefined): LsuvLayerReport[] {
  const called = forwardOrder(model, x, found); // runs the model once: a bad batch throws here, before any weight changes
  const names = new Map(found.map(([n, m]) => [m, n]));
  for (const m of called) initLayer(m, rng);
  return called.map((m) => {
    const varianceBefore = outputVariance(model, x, m);
    let v = varianceBefore, iterations = 0;
    while (!(Math.abs(v - 1) < tol) && iterations < maxIter && v > 0 && Number.isFinite(v)) {
      scaleWeight(m, 1 / Math.sqrt(v));
      iterations++;
      v = outputVariance(model, x, m);
    }
    return { name: names.get(m)!, varianceBefore, varianceAfter: v, iterations, converged: Math.abs(v - 1) < tol };
  });
}

type WeightLayer = Module & { weight: Parameter; bias?: unknown };

/** Modules (the model itself included) owning a `weight` Parameter of ≥ 2 dims, each once, depth first. */
function weightLayers(model: Module): [string, WeightLayer][] {
  return model.namedModules().filter((e): e is [string, WeightLayer] => {
    const w = (e[1] as { weight?: unknown }).weight;
    return w instanceof Parameter && w.ndim >= 2;
  });
}

function initLayer(m: WeightLayer, rng: Rng | undefined): void {
  orthogonal_(m.weight, { rng });
  if (m.bias instanceof Parameter) zeros_(m.bias);
}

/** Multiplies the layer's weight by s in place (through nn.init's one write path). */
function scaleWeight(m: WeightLayer, s: number): void {
  const w = m.weight.toTypedArray();
  for (let i = 0; i < w.length; i++) w[i] *= s;
  writeValues(m.weight, w);
}

/** Runs `fn` with each layer's forward wrapped to report its calls; restores them after. */
function withCapture<T>(layers: readonly Module[], onCall: (m: Module, y: Tensor) => void, fn: () => T): T {
  const saved = layers.map((m) => [m, Object.getOwnPropertyDescriptor(m, 'forward')] as const);
  for (const m of layers) {
    const forward = m.forward;
    Object.defineProperty(m, 'forward', {
      configurable: true, enumerable: false, writable: true,
      value: (...xs: Tensor[]) => {
        const y = forward.apply(m, xs);
        onCall(m, y);
        return y;
      },
    });
  }
  try {
    return noGrad(() => withAllocScope(fn, () => []));
  } finally {
    for (const [m, d] of saved) {
      if (d) Object.defineProperty(m, 'forward', d);
      else delete (m as { forward?: unknown }).forward;
    }
  }
}

/** The layers in the order of their first call by model.forward(x). */
function forwardOrder(model: Module, x: Tensor, found: [string, WeightLayer][]): WeightLayer[] {
  const order: WeightLayer[] = [];
  withCapture(found.map(([, m]) => m), (m) => {
    if (!order.includes(m as WeightLayer)) order.push(m as WeightLayer);
  }, () => model.forward(x));
  return order;
}

const STOP = Symbol('lsuv: output captured');

/** Unbiased variance of the layer's output at its first call; the forward stops there. */
function outputVariance(model: Module, x: Tensor, layer: Module): number {
  let v = NaN;
  withCapture([layer], (_, y) => {
    v = variance(y.toTypedArray());
    throw STOP; // the rest of the forward is not needed
  }, () => {
    try {
      model.forward(x);
    } catch (e) {
      if (e !== STOP) throw e;
    }
  });
  return v;
}

function variance(a: ArrayLike<number>): number {
  const n = a.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += a[i];
  mean /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i] - mean) ** 2;
  return s / (n - 1);
}

