// testModule: the one way a module (a layer, a container, a loss module) is tested against
// PyTorch, as testOp is for ops. One table per module class, one fixture file per table
// (test/fixtures/modules/<Module>.json, written by tools/fixtures/modules.py), one hash per case.
//
//   testModule('Linear', {
//     cases: [
//       { name: 'no bias', module: (dtype) => new Linear(5, 3, { bias: false, dtype }),
//         torch: 'nn.Linear(5, 3, bias=False)', inputs: [[4, 5]], steps: 3 },
//     ],
//   });
//
// A case gives the nabla module (built in the run's dtype), the torch module (a Python expression
// over torch, nn, F), the forward's inputs (shapes or InputSpecs as in testOp: domains, int
// inputs, fixed values), `steps` (default 2) and `lr` (default 0.1), and optionally `state`:
// domains for the initial values by state_dict key or its last component (default [-1, 1]; e.g.
// `{ running_var: { low: 0.5, high: 2 } }`). The generator draws the initial state_dict
// (parameters and buffers alike) with a seed from the case's hash; then, in train mode, for each
// step: a fresh input, forward, backward with a random dy, records of the output, the input
// gradients and every parameter's gradient, and p -= lr·grad; after the steps the whole
// state_dict and the output of one eval-mode forward. Here the same happens in nabla, with the
// initial state loaded by loadStateDict, on the js and the wasm backend, in float64 (TOL.float64)
// and float32 (the `reduction` row unless the table says otherwise: parameter gradients are sums
// over the batch). Every key of the state_dict is treated alike; int buffers (torch int64, nabla
// int32: num_batches_tracked) are compared by value. Then gradcheck in float64 (default backend)
// of the train-mode forward w.r.t. the float inputs and every parameter, unless the case says
// `noGradcheck: 'why'` (random layers).
// Under tools/fixtures/collect-modules.ts it only records the cases, for modules.py.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromArray, getBackend, gradcheck, Parameter, setBackend, type Module, type Tensor } from '../../src/index.js';
import type { FloatDType } from '../../src/core/dtype.js';
import { decode, type Domain } from './op-fixture.js';
import {
  loadModuleCase, moduleCaseHash, moduleFixtureCaseNames, moduleFixturePath, REGENERATE,
  type Data, type ModuleFixtureCase, type SerialModule, type SerialModuleCase,
} from './module-fixture.js';
import { checkTolSpec, inputTensor, itThrows, serializeInput, tolOf, type ErrorCase, type InputSpec, type TolSpec } from './test-op.js';
import { assertClose, TOL } from './assert-close.js';

export interface ModuleCase {
  name: string;
  /** The nabla module, in the dtype of the run (its initial values are replaced by the fixture's). */
  module: (dtype: FloatDType) => Module;
  /** The torch module: a Python expression over torch, nn (torch.nn) and F, e.g. `nn.Linear(3, 4)`. */
  torch: string;
  /** The forward's inputs: a shape, or a full spec (int inputs, domains, fixed values). */
  inputs: readonly (readonly number[] | InputSpec)[];
  /** Training iterations before the state_dict and eval records (default: the table's, else 2). */
  steps?: number;
  /** The plain SGD step p -= lr·grad between iterations (default: the table's, else 0.1). */
  lr?: number;
  domain?: Domain | Record<string, Domain>;
  /** Initial-value domains by state_dict key or last key component; default [-1, 1]. */
  state?: Record<string, Domain>;
  /** Why finite differences do not apply (e.g. a random layer); the check is then skipped. */
  noGradcheck?: string;
}

export interface ModuleTestSpec {
  /** Names of the forward's inputs (for domains by name and messages); default input, input1, … */
  inputs?: readonly string[];
  cases: readonly ModuleCase[];
  domain?: Domain | Record<string, Domain>;
  state?: Record<string, Domain>;
  steps?: number;
  lr?: number;
  /** float32 defaults to the `reduction` row here. */
  tol?: TolSpec;
  errors?: readonly ErrorCase[];
  /** Extra named checks (printing, parameter counts, …). */
  checks?: Record<string, () => void>;
}

/** The backends every fixture replay runs on. */
export const MODULE_BACKENDS = ['js', 'wasm'] as const;

export function serializeModuleCase(spec: ModuleTestSpec, c: ModuleCase): SerialModuleCase {
  const inputs = c.inputs.map((raw, i) =>
    serializeInput(raw, spec.inputs?.[i] ?? (i === 0 ? 'input' : `input${i}`), [c.domain, spec.domain]));
  const steps = c.steps ?? spec.steps ?? 2;
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`testModule: ${c.name}: steps must be a positive integer`);
  return {
    name: c.name, torch: c.torch, inputs, steps, lr: c.lr ?? spec.lr ?? 0.1,
    state: { ...spec.state, ...c.state },
  };
}

/** Declares the tests of one module class (or records its cases when collecting fixtures). */
export function testModule(module: string, spec: ModuleTestSpec): void {
  const serial = spec.cases.map((c) => serializeModuleCase(spec, c));
  const sink = (globalThis as { __nablaModuleCollect?: SerialModule[] }).__nablaModuleCollect;
  if (sink) {
    sink.push({ module, cases: serial.map((s) => ({ ...s, hash: moduleCaseHash(s) })) });
    return;
  }
  checkTolSpec(module, spec.tol);
  describe(`${module} (testModule)`, () => {
    it('fixture holds exactly the declared cases', () => {
      assert.deepEqual(moduleFixtureCaseNames(module).sort(), serial.map((s) => s.name).sort(),
        `${moduleFixturePath(module)} is stale: ${REGENERATE}`);
    });
    spec.cases.forEach((c, k) => {
      const s = serial[k];
      describe(c.name, () => {
        for (const backend of MODULE_BACKENDS) {
          for (const dtype of ['float64', 'float32'] as const) {
            it(`${s.steps} train steps, state_dict and eval forward vs torch, ${dtype}, ${backend}`, () => {
              onBackend(backend, () => replayModuleCase(module, s, loadModuleCase(module, s), c.module, dtype, spec.tol));
            });
          }
        }
        if (c.noGradcheck) it.skip(`gradcheck: ${c.noGradcheck}`, () => {});
        else {
          it('gradcheck, float64, train mode, w.r.t. inputs and parameters', () => {
            moduleGradcheck(module, s, loadModuleCase(module, s), c.module, spec.tol);
          });
        }
      });
    });
    for (const e of spec.errors ?? []) itThrows(module, e);
    for (const [name, check] of Object.entries(spec.checks ?? {})) it(name, check);
  });
}

function onBackend(name: string, f: () => void): void {
  const prev = getBackend().name;
  setBackend(name);
  try {
    f();
  } finally {
    setBackend(prev);
  }
}

/** The module with the fixture's initial state_dict loaded, after checking the key names. */
function initialModule(where: string, fx: ModuleFixtureCase, make: ModuleCase['module'], dtype: FloatDType): Module {
  const m = make(dtype);
  m.train();
  assert.deepEqual(m.namedParameters().map(([k]) => k), fx.params, `${where}: parameter names (named_parameters order)`);
  assert.deepEqual([...m.stateDict().keys()].sort(), Object.keys(fx.state).sort(), `${where}: state_dict keys`);
  m.loadStateDict(new Map(Object.entries(fx.state).map(([k, e]) => [k, { shape: e.shape, data: decode(e.data) }])));
  return m;
}

function compare(got: Tensor, expected: Data, shape: readonly number[], dtype: FloatDType, tol: ReturnType<typeof tolOf>, what: string): void {
  assert.deepEqual([...got.shape], [...shape], `${what}: shape`);
  assert.equal(got.dtype, dtype, `${what}: dtype`);
  assertClose(got.toTypedArray(), decode(expected, dtype === 'float64' ? 8 : 4), tol, what);
}

/** Replays the fixture's training run in nabla (current backend) and compares every record. */
export function replayModuleCase(
  module: string, s: SerialModuleCase, fx: ModuleFixtureCase, make: ModuleCase['module'], dtype: FloatDType, tolSpec?: TolSpec,
): void {
  const where = `${module} / ${s.name} (${dtype}, ${getBackend().name})`; console.error('BK', getBackend().name, make(dtype).parameters()[0]?.backend.name);
  const tol = tolOf(dtype, tolSpec, 'reduction');
  const run = fx[dtype];
  const m = initialModule(where, fx, make, dtype);
  const params = m.namedParameters();
  fx.steps.forEach((st, k) => {
    const at = `${where} step ${k + 1}`;
    const xs = s.inputs.map((inp, i) => inputTensor(inp, st.inputs[i], dtype));
    const y = m.forward(...xs);
    compare(y, run.steps[k].out, st.outShape, dtype, tol, `${at}: output`);
    if (st.dy === null) return;
    assert.ok(y.requiresGrad, `${at}: torch's output requires grad, nabla's does not`);
    y.backward(fromArray(decode(st.dy), st.outShape, { dtype }));
    s.inputs.forEach((inp, i) => {
      const expected = run.steps[k].dx[i];
      if (!inp.grad) return;
      const got = xs[i].grad;
      if (expected === null) {
        assert.ok(got === null || got.toTypedArray().every((v) => v === 0), `${at}: torch has no grad for ${inp.name}`);
      } else {
        assert.ok(got !== null, `${at}: no gradient reached ${inp.name}`);
        compare(got, expected, inp.shape, dtype, tol, `${at}: grad ${inp.name}`);
      }
    });
    for (const [name, p] of params) {
      const expected = run.steps[k].grads[name];
      if (expected === null) {
        assert.ok(p.grad === null || p.grad.toTypedArray().every((v) => v === 0), `${at}: torch has no grad for ${name}`);
        continue;
      }
      assert.ok(p.grad !== null, `${at}: no gradient reached ${name}`);
      compare(p.grad, expected, p.shape, dtype, tol, `${at}: grad ${name}`);
    }
    sgdStep(m, s.lr);
  });
  const state = m.stateDict();
  for (const [key, e] of Object.entries(fx.state)) {
    const got = state.get(key)!;
    assert.deepEqual([...got.shape], e.shape, `${where}: final ${key} shape`);
    if (e.kind === 'int') {
      assert.deepEqual([...got.data], run.state[key], `${where}: final ${key} (int, by value)`);
    } else {
      assertClose(got.data, decode(run.state[key], dtype === 'float64' ? 8 : 4), tol, `${where}: final ${key}`);
    }
  }
  m.eval();
  const xs = s.inputs.map((inp, i) => inputTensor({ ...inp, grad: false }, fx.eval.inputs[i], dtype));
  compare(m.forward(...xs), run.eval, fx.eval.outShape, dtype, tol, `${where}: eval-mode output`);
}

/** p -= lr·grad for every parameter with a gradient (as the generator does), then drops the grads. */
function sgdStep(m: Module, lr: number): void {
  for (const p of m.parameters()) {
    if (!p.grad) continue;
    const g = p.grad.toTypedArray();
    const data = Float64Array.from(p.toTypedArray(), (v, i) => v - lr * g[i]);
    p.backend.write(p.storage, data);
  }
  m.zeroGrad({ setToNone: true });
}

/**
 * Runs `f` with the module's parameters replaced by `values` (the same field, in every submodule
 * holding it), so gradcheck can differentiate the forward w.r.t. them; restores them after.
 */
function withParameters<T>(m: Module, params: readonly Parameter[], values: readonly Tensor[], f: () => T): T {
  const swap = new Map<Parameter, Tensor>(params.map((p, i) => [p, values[i]]));
  const restore: [Record<string, unknown>, string, unknown][] = [];
  const seen = new Set<Module>();
  const visit = (mod: Module): void => {
    if (seen.has(mod)) return;
    seen.add(mod);
    const fields = mod as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(fields)) {
      if (v instanceof Parameter && swap.has(v)) {
        restore.push([fields, k, v]);
        fields[k] = swap.get(v);
      }
    }
    for (const [, c] of mod.namedChildren()) visit(c);
  };
  visit(m);
  const missed = params.filter((p) => !restore.some(([, , v]) => v === p));
  // a parameter the swap cannot reach would get a zero numerical gradient and pass unnoticed
  if (missed.length) throw new Error(`testModule: ${missed.length} parameter(s) are not fields of a submodule; gradcheck cannot vary them`);
  try {
    return f();
  } finally {
    for (const [o, k, v] of restore) o[k] = v;
  }
}

/** gradcheck in float64 of the train-mode forward w.r.t. the float inputs and every parameter. */
export function moduleGradcheck(
  module: string, s: SerialModuleCase, fx: ModuleFixtureCase, make: ModuleCase['module'], tolSpec?: TolSpec,
): void {
  const where = `${module} / ${s.name} (gradcheck)`;
  const m = initialModule(where, fx, make, 'float64');
  const xs = s.inputs.map((inp, i) => inputTensor(inp, fx.steps[0].inputs[i], 'float64'));
  const named = m.namedParameters().filter(([, p]) => p.requiresGrad);
  const params = [...new Map(named.map(([k, p]) => [p, k])).entries()];
  const wrt = [...xs, ...params.map(([p]) => fromArray(p.toTypedArray(), p.shape, { dtype: 'float64', requiresGrad: true }))];
  if (!wrt.some((t) => t.requiresGrad)) return;
  const tol = tolSpec?.gradcheck ?? TOL.gradcheck;
  const report = gradcheck((...ts) => withParameters(m, params.map(([p]) => p), ts.slice(xs.length),
    () => m.forward(...ts.slice(0, xs.length))), wrt, {
    ...tol, names: [...s.inputs.map((x) => x.name), ...params.map(([, k]) => k)],
  });
  assert.ok(report.ok, `${where}: ${report.summary}`);
}
