// testOp: the one way an op is tested (STYLE §3.7). For every case: forward and backward against
// the PyTorch fixture in float64 and float32 (backward with the fixture's random dy), gradcheck in
// float64, and each declared error input with its exact message.
// Under tools/fixtures/collect-ops.ts it only records the cases, for ops.py to generate fixtures.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromArray, gradcheck, zeros, MemoryError, type Tensor } from '../../src/index.js';
import {
  caseHash, decode, fixtureCaseNames, loadCase,
  type Domain, type FixtureCase, type SerialCase, type SerialInput, type SerialOp,
} from './op-fixture.js';
import { assertClose, TOL, type Tol } from './assert-close.js';

export type { Domain };

export interface InputSpec {
  shape: readonly number[];
  kind?: 'float' | 'int' | 'mask';
  domain?: Domain;
  /** Fixed values instead of random ones (e.g. ties, class indices). */
  values?: readonly number[];
  /** false: not differentiated (e.g. where's condition). */
  grad?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Args = any;
type OpFn = (inputs: Tensor[], args: Args) => Tensor;

export interface OpCase {
  name: string;
  /** One entry per input: a shape, or a full spec. */
  inputs: readonly (readonly number[] | InputSpec)[];
  /** Attributes, passed to fn and visible by name in the torch expression. */
  args?: Record<string, unknown>;
  /** Overrides the op's torch expression / nabla call for this case. */
  torch?: string;
  fn?: OpFn;
  domain?: Domain | Record<string, Domain>;
  /** Why finite differences do not apply here (e.g. ties at a kink); the check is then skipped. */
  noGradcheck?: string;
}

export interface ErrorCase {
  name: string;
  run: () => unknown;
  throws: abstract new (...args: never[]) => Error;
  /** The exact message: it is API (STYLE §3.6). */
  message: string;
}

export interface TolSpec {
  /** float32 comparisons: a row of the STYLE §3.7 table, or an override (needs `reason`). */
  float32?: 'elementwise' | 'reduction' | Tol;
  float64?: Tol;
  gradcheck?: Tol;
  reason?: string;
}

export interface OpTestSpec {
  /** Input names as the torch expression spells them, e.g. ['a', 'b']. */
  inputs: readonly string[];
  fn: OpFn;
  /** A Python expression over torch, F (torch.nn.functional), the inputs and the args. */
  torch: string;
  domain?: Domain | Record<string, Domain>;
  cases: readonly OpCase[];
  errors?: readonly ErrorCase[];
  tol?: TolSpec;
  /** false for ops without a gradient (comparisons, argmax, sign). */
  differentiable?: boolean;
  /** Extra named checks (e.g. an identity from the notes). */
  checks?: Record<string, () => void>;
}

const DEFAULT_DOMAIN: Domain = { low: -2, high: 2 };

function resolveDomain(d: OpCase['domain'] | OpTestSpec['domain'], name: string): Domain | undefined {
  if (!d) return undefined;
  if ('low' in d && typeof d.low === 'number') return d as Domain;
  return (d as Record<string, Domain>)[name];
}

/**
 * One input as the generators see it (shared with testModule): the case's domain for this input
 * name, else the table's, else [-2, 2]; float inputs are differentiated unless `grad: false`.
 */
export function serializeInput(
  raw: readonly number[] | InputSpec, name: string,
  domains: readonly (Domain | Record<string, Domain> | undefined)[], differentiable = true,
): SerialInput {
  const s: InputSpec = Array.isArray(raw) ? { shape: raw as readonly number[] } : (raw as InputSpec);
  const kind = s.kind ?? 'float';
  let domain = s.domain;
  for (const d of domains) domain ??= resolveDomain(d, name);
  const grad = kind === 'float' && s.grad !== false && differentiable;
  return { name, shape: [...s.shape], kind, domain: domain ?? DEFAULT_DOMAIN, values: s.values ? [...s.values] : null, grad };
}

export function serialize(spec: OpTestSpec, c: OpCase): SerialCase {
  const inputs = c.inputs.map((raw, i) =>
    serializeInput(raw, spec.inputs[i] ?? `x${i}`, [c.domain, spec.domain], spec.differentiable !== false));
  return { name: c.name, inputs, args: c.args ?? {}, torch: c.torch ?? spec.torch };
}

/** Declares the tests of one op (or records its cases when collecting fixtures). */
export function testOp(op: string, spec: OpTestSpec): void {
  const serial = spec.cases.map((c) => serialize(spec, c));
  const sink = (globalThis as { __nablaOpCollect?: SerialOp[] }).__nablaOpCollect;
  if (sink) {
    sink.push({ op, cases: serial.map((s) => ({ ...s, hash: caseHash(s) })) });
    return;
  }
  checkTolSpec(op, spec.tol);
  describe(`${op} (testOp)`, () => {
    it('fixture holds exactly the declared cases', () => {
      assert.deepEqual(fixtureCaseNames(op).sort(), serial.map((s) => s.name).sort(),
        `test/fixtures/ops/${op}.json is stale: run \`npm run fixtures\``);
    });
    spec.cases.forEach((c, k) => {
      const s = serial[k];
      const fn = c.fn ?? spec.fn;
      describe(c.name, () => {
        for (const dtype of ['float64', 'float32'] as const) {
          it(`forward and backward vs torch, ${dtype}`, () => {
            runAgainstFixture(op, s, loadCase(op, s), fn, dtype, spec.tol);
          });
        }
        if (c.noGradcheck) it.skip(`gradcheck: ${c.noGradcheck}`, () => {});
        else if (s.inputs.some((x) => x.grad)) {
          it('gradcheck, float64', () => {
            const fx = loadCase(op, s);
            if (fx.outKind !== 'float') return;
            const xs = makeInputs(s, fx, 'float64');
            const tol = spec.tol?.gradcheck ?? TOL.gradcheck;
            const report = gradcheck((...t) => fn(t, s.args), xs, {
              ...tol, names: s.inputs.map((x) => x.name),
            });
            assert.ok(report.ok, `${op} / ${c.name}: ${report.summary}`);
          });
        }
      });
    });
    for (const e of spec.errors ?? []) itThrows(op, e);
    for (const [name, check] of Object.entries(spec.checks ?? {})) it(name, check);
  });
}

/** Declares the test of one error case: the class and the exact message (testModule too). */
export function itThrows(op: string, e: ErrorCase): void {
  it(`error: ${e.name}`, () => {
    let thrown: unknown = null;
    try {
      e.run();
    } catch (err) {
      thrown = err;
    }
    assert.ok(thrown !== null, `${op}: expected ${e.throws.name}, nothing was thrown`);
    assert.ok(thrown instanceof e.throws, `${op}: expected ${e.throws.name}, got ${String(thrown)}`);
    assert.equal((thrown as Error).message, e.message);
  });
}

export function checkTolSpec(op: string, tol: TolSpec | undefined): void {
  const overrides = tol && (typeof tol.float32 === 'object' || tol.float64 || tol.gradcheck);
  if (overrides && !tol.reason) throw new Error(`${op}: a tolerance override needs a reason (STYLE §3.7)`);
}

/** A fixture input as a tensor: int32 for int inputs, else `dtype` (requiring grad when it is differentiated). */
export function inputTensor(inp: SerialInput, data: number[] | string, dtype: 'float32' | 'float64'): Tensor {
  const values = decode(data);
  if (inp.kind === 'int') return fromArray(Int32Array.from(values), inp.shape, { dtype: 'int32' });
  return fromArray(values, inp.shape, { dtype, requiresGrad: inp.grad });
}

function makeInputs(s: SerialCase, fx: FixtureCase, dtype: 'float32' | 'float64'): Tensor[] {
  return s.inputs.map((inp, i) => inputTensor(inp, fx.inputs[i].data, dtype));
}

/** The comparison tolerance of a dtype under a TolSpec (float32 defaults to `row32`). */
export function tolOf(dtype: 'float32' | 'float64', tolSpec?: TolSpec, row32: 'elementwise' | 'reduction' = 'elementwise'): Tol {
  if (dtype === 'float64') return tolSpec?.float64 ?? TOL.float64;
  return typeof tolSpec?.float32 === 'object' ? tolSpec.float32 : TOL[tolSpec?.float32 ?? row32];
}

export function runAgainstFixture(
  op: string, s: SerialCase, fx: FixtureCase, fn: OpFn, dtype: 'float32' | 'float64', tolSpec?: TolSpec,
): void {
  const where = `${op} / ${s.name} (${dtype})`;
  const tol = tolOf(dtype, tolSpec);
  const xs = makeInputs(s, fx, dtype);
  const y = fn(xs, s.args);
  assert.deepEqual([...y.shape], fx.outShape, `${where}: output shape`);
  const bytes = dtype === 'float64' ? 8 : 4;
  if (fx.outKind === 'int') {
    assert.equal(y.dtype, 'int32', `${where}: output dtype`);
    assert.deepEqual([...y.toTypedArray()], [...decode(fx.out64)], `${where}: forward`);
    return;
  }
  assert.equal(y.dtype, dtype, `${where}: output dtype`);
  assertClose(y.toTypedArray(), decode(dtype === 'float64' ? fx.out64 : fx.out32, bytes), tol, `${where}: forward`);
  const grads = dtype === 'float64' ? fx.grads64 : fx.grads32;
  if (!grads || !fx.dy) return;
  const dy = fromArray(decode(fx.dy), fx.outShape, { dtype });
  if (y.requiresGrad) y.backward(dy);
  s.inputs.forEach((inp, i) => {
    if (!inp.grad) return;
    const expected = grads[i];
    const got = xs[i].grad;
    if (expected === null) {
      assert.ok(got === null || got.toTypedArray().every((v) => v === 0), `${where}: torch has no grad for ${inp.name}`);
      return;
    }
    assert.ok(got !== null, `${where}: no gradient reached ${inp.name}`);
    assert.deepEqual([...got.shape], [...inp.shape], `${where}: grad ${inp.name} shape`);
    assert.equal(got.dtype, dtype, `${where}: grad ${inp.name} dtype`);
    // a broadcast input's gradient is a sum over the broadcast dims: a reduction in float32
    const summed = dtype === 'float32' && sizeOfShape(inp.shape) < sizeOfShape(fx.outShape);
    const gtol = summed ? { atol: Math.max(tol.atol, TOL.reduction.atol), rtol: Math.max(tol.rtol, TOL.reduction.rtol) } : tol;
    assertClose(got.toTypedArray(), decode(expected, bytes), gtol, `${where}: grad ${inp.name}`);
  });
}

/** An odd size in the manner of tinygrad's [45, 65] (kept smaller so fixtures stay small). */
export const ODD = [19, 37] as const;

/** The STYLE §3.7 shapes for a unary element-wise op. */
export function unaryCases(): OpCase[] {
  return [
    { name: 'scalar', inputs: [[]] },
    { name: 'size-1 dim', inputs: [[1, 5]] },
    { name: '3-d', inputs: [[2, 3, 4]] },
    { name: 'zero-size dim', inputs: [[0, 3]] },
    { name: 'odd size', inputs: [ODD] },
  ];
}

/**
 * The declared error of every op on a disposed input: MemoryError with the op's name and the
 * tensor's shape (the message is API).
 */
export function disposedInputError(op: string, run: (x: Tensor) => unknown): ErrorCase {
  return {
    name: 'a disposed tensor',
    run: () => {
      const x = zeros([2]);
      x.dispose();
      return run(x);
    },
    throws: MemoryError,
    message: `${op}: this tensor was disposed and its memory released; got tensor [2]`,
  };
}

/** The STYLE §3.7 shape pairs for a binary element-wise op with broadcasting. */
export function binaryCases(): OpCase[] {
  return [
    { name: 'scalar', inputs: [[], []] },
    { name: 'size-1 dim', inputs: [[1, 5], [1, 5]] },
    { name: 'broadcast pair', inputs: [[3, 1, 5], [4, 1]] },
    { name: 'tensor and scalar', inputs: [[2, 3], []] },
    { name: 'scalar and tensor', inputs: [[], [2, 3]] },
    { name: 'zero-size dim', inputs: [[0, 3], [1, 3]] },
    { name: 'odd size', inputs: [ODD, ODD] },
    { name: 'odd broadcast', inputs: [[ODD[0], 1], [1, ODD[1]]] },
  ];
}

function sizeOfShape(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}
