// The wasm kernels' op ids (src/backend/wasm/as/op-ids.ts, one definition for the AssemblyScript
// switches and the TypeScript tables): every id, called on the raw wasm export, computes the op of
// its name (the op's own `scalar` from src/ops, float32 tolerance), so a kernel under the wrong
// number fails; the conformance suite's op lists are exactly the ids, so a new kernel cannot go
// untested there; an id without a kernel traps instead of running another op.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BinaryOpId, ReduceOp, UnaryOpId } from '../../src/backend/kernels.js';
import { reduceArray } from '../../src/backend/js/arrays.js';
import { Reduce } from '../../src/backend/wasm/as/op-ids.js';
import { BINARY_IDS, UNARY_IDS, fallbackCounts, resetFallbackCounts } from '../../src/backend/wasm/coverage.js';
import { loadModuleSync, relaxedSimdAvailable } from '../../src/backend/wasm/loader.js';
import { createWasmBackend, type WasmBackend } from '../../src/backend/wasm/wasm-backend.js';
import { REPO } from '../helpers/op-fixture.js';
import { BINARY, UNARY } from './conformance-elementwise.js';

/** Every element-wise op of src/ops by its id: the exports `{ id: { id, scalar } }` of defineUnary/defineBinary. */
async function opsByName(): Promise<Map<string, UnaryOpId | BinaryOpId>> {
  const found = new Map<string, UnaryOpId | BinaryOpId>();
  const dir = join(REPO, 'src/ops');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort()) {
    const mod = (await import(`../../src/ops/${f.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
    for (const v of Object.values(mod)) {
      const id = (v as { id?: unknown } | null)?.id as Partial<UnaryOpId> | undefined;
      if (typeof id === 'object' && id !== null && typeof id.id === 'string' && typeof id.scalar === 'function') {
        found.set(id.id, id as UnaryOpId | BinaryOpId);
      }
    }
  }
  return found;
}

/** Edge values (±0, ±Inf, NaN, the subnormal 1e-40) and ordinary ones; 21 = five vectors and a tail of 1. */
const UNARY_X = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -0.5, 2, -2, 3.7, -3.7, 1e-3, 20, -20, 80, -80, 1e30, -1e30, 1e-40];
/** Binary operands: every pair of these (float32 overflow in an intermediate, as 1e30² would be, is left out). */
const BINARY_X = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -0.5, 2, -2, 3.7, -3.7, 1e-3, 1e4];

/** |got − want| ≤ 1e-6 + 1e-5·|want| (the conformance suite's float32 tolerance); NaN = NaN, ±Inf exact. */
function close(got: number, want: number): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  return Math.abs(got - want) <= 1e-6 + 1e-5 * Math.abs(want);
}

function expectAll(got: ArrayLike<number>, want: (i: number) => number, what: (i: number) => string): void {
  for (let i = 0; i < got.length; i++) {
    const w = Math.fround(want(i));
    if (!close(got[i], w)) assert.fail(`${what(i)}: got ${got[i]}, want ${w}`);
  }
}

const variants = relaxedSimdAvailable() ? (['simd', 'relaxed'] as const) : (['simd'] as const);

for (const variant of variants) {
  describe(`wasm op ids (${variant} build)`, () => {
    let be: WasmBackend, ops: Map<string, UnaryOpId | BinaryOpId>;
    before(async () => {
      be = createWasmBackend(loadModuleSync({ variant }), { name: `wasm-op-ids-${variant}` });
      ops = await opsByName();
    });
    const f32 = (a: readonly number[]) => be.fromArray(Float32Array.from(a));
    const ptr = (s: ReturnType<WasmBackend['alloc']>) => be.mem.ptr(s);

    it('every unary id runs the op of its name on edge values', () => {
      const x = f32(UNARY_X), xs = be.read(x);
      for (const [name, id] of Object.entries(UNARY_IDS)) {
        const op = ops.get(name);
        assert.ok(op !== undefined, `unary id ${name} (${id}) names no op of src/ops`);
        assert.equal(op.scalar.length, 1, `${name} is not a unary op`);
        const out = be.alloc('float32', xs.length);
        be.exports.unary(id, ptr(x), ptr(out), xs.length);
        expectAll(be.read(out), (i) => (op as UnaryOpId).scalar(xs[i]), (i) => `unary ${name} (id ${id}) of ${xs[i]}`);
      }
    });

    it('every binary id runs the op of its name on every pair of edge values, rows and broadcasts', () => {
      const n = BINARY_X.length;
      const as = BINARY_X.flatMap((a) => BINARY_X.map(() => a)), bs = BINARY_X.flatMap(() => BINARY_X);
      const a = f32(as), b = f32(bs), row = f32(BINARY_X), av = be.read(a), bv = be.read(b), rv = be.read(row);
      for (const [name, id] of Object.entries(BINARY_IDS)) {
        const op = ops.get(name);
        assert.ok(op !== undefined, `binary id ${name} (${id}) names no op of src/ops`);
        assert.equal(op.scalar.length, 2, `${name} is not a binary op`);
        const f = (op as BinaryOpId).scalar;
        const out = be.alloc('float32', av.length);
        be.exports.binaryRow(id, ptr(a), 1, ptr(b), 1, ptr(out), av.length);
        expectAll(be.read(out), (i) => f(av[i], bv[i]), (i) => `${name} (id ${id}) of ${av[i]}, ${bv[i]}`);
        // one operand broadcast (stride 0): pow's x², x, 1/x forms and the splat loops
        const o2 = be.alloc('float32', n);
        for (let k = 0; k < n; k++) {
          const s = be.fromArray(Float32Array.of(rv[k]));
          be.exports.binaryRow(id, ptr(row), 1, ptr(s), 0, ptr(o2), n);
          expectAll(be.read(o2), (i) => f(rv[i], rv[k]), (i) => `${name} (id ${id}) of ${rv[i]}, broadcast ${rv[k]}`);
          be.exports.binaryRow(id, ptr(s), 0, ptr(row), 1, ptr(o2), n);
          expectAll(be.read(o2), (i) => f(rv[k], rv[i]), (i) => `${name} (id ${id}) of broadcast ${rv[k]}, ${rv[i]}`);
        }
      }
    });

    it('every reduce id runs the reduction of its name', () => {
      const data = [3, -1, NaN, 7, 2, -5, 0.5, 4, 1, -2, 6, 8];
      const x = f32(data);
      for (const [name, id] of Object.entries(Reduce)) {
        if (typeof id !== 'number') continue;
        // rows of 4 reduced (inner 1) and columns reduced (inner 3)
        for (const [outer, r, inner] of [[3, 4, 1], [1, 4, 3]]) {
          const out = be.alloc('float32', outer * inner), want = new Float32Array(outer * inner);
          be.exports.reduce(id, ptr(x), ptr(out), outer, r, inner);
          reduceArray(name as ReduceOp, be.read(x), want, outer, r, inner);
          expectAll(be.read(out), (i) => want[i], (i) => `reduce ${name} (id ${id}) [${outer}, ${r}, ${inner}] element ${i}`);
        }
      }
    });

    it('the backend runs every named op in wasm (no fallback): the names are the ops\' ids', () => {
      resetFallbackCounts();
      const x = f32([1, 2, 3]), out = be.alloc('float32', 3);
      for (const name of Object.keys(UNARY_IDS)) be.unary(ops.get(name) as UnaryOpId, x, out);
      const s = { s: x, offset: 0, strides: [1] };
      for (const name of Object.keys(BINARY_IDS)) be.binary(ops.get(name) as BinaryOpId, s, s, out, [3]);
      assert.deepEqual([...fallbackCounts()], []);
    });

    it('an id without a kernel traps (RuntimeError) instead of running another op', () => {
      const x = f32([1, 2, 3, 4, 5]), out = be.alloc('float32', 5);
      const traps = (f: () => void, what: string) =>
        assert.throws(f, (e: unknown) => e instanceof WebAssembly.RuntimeError && /unreachable/.test(e.message), what);
      for (const id of [Object.keys(UNARY_IDS).length, -1, 255, 2 ** 31 - 1]) {
        traps(() => be.exports.unary(id, ptr(x), ptr(out), 5), `unary ${id}`);
        traps(() => be.exports.unary(id, ptr(x), ptr(out), 0), `unary ${id}, empty`);
      }
      for (const id of [Object.keys(BINARY_IDS).length, -1, 255]) {
        traps(() => be.exports.binaryRow(id, ptr(x), 1, ptr(x), 1, ptr(out), 5), `binaryRow ${id}`);
        traps(() => be.exports.binaryStrided(id, ptr(x), ptr(x), ptr(out), be.mem.writeMeta([5], [[1], [1]])), `binaryStrided ${id}`);
      }
      for (const id of [3, -1]) traps(() => be.exports.reduce(id, ptr(x), ptr(out), 1, 5, 1), `reduce ${id}`);
      // the out buffer was never written by a trapping call
      const untouched = be.alloc('float32', 5);
      be.fill(untouched, 7);
      traps(() => be.exports.unary(99, ptr(x), ptr(untouched), 5), 'unary 99');
      assert.deepEqual([...be.read(untouched)], [7, 7, 7, 7, 7]);
    });
  });
}

describe('conformance lists and op ids', () => {
  it('the conformance suite tests exactly the ops with a wasm kernel (a new id cannot go untested)', () => {
    const names = (l: readonly { id: string }[]) => l.map((o) => o.id).sort();
    assert.deepEqual(names(UNARY), Object.keys(UNARY_IDS).sort());
    assert.deepEqual(names(BINARY), Object.keys(BINARY_IDS).sort());
  });

  it('the ids are 0..n−1, one name each', () => {
    for (const table of [UNARY_IDS, BINARY_IDS]) {
      assert.deepEqual(Object.values(table).sort((p, q) => p - q), Object.keys(table).map((_, i) => i));
    }
  });
});
