// The wasm entry: registration and selection, the missing-module error, the coverage table and
// the fallback counters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BackendError } from '../../core/errors.js';
import { getBackend, setBackend } from '../registry.js';
import {
  createWasmBackendSync, fallbackCounts, relaxedSimdExecArgv, resetFallbackCounts, useFastestBackend, wasmCoverage,
} from './index.js';

describe('wasm entry', () => {
  it("setBackend('wasm') builds and selects the backend; js stays available", () => {
    const b = setBackend('wasm');
    assert.equal(b.name, 'wasm');
    assert.equal(getBackend().name, 'wasm');
    setBackend('js');
    assert.equal(getBackend().name, 'js');
  });

  it('useFastestBackend picks wasm and reports its threads', () => {
    const r = useFastestBackend();
    assert.equal(r.name, 'wasm');
    assert.ok(r.threads >= 1);
    assert.ok(r.variant === 'simd' || r.variant === 'relaxed');
    setBackend('js');
  });

  it('a missing .wasm file is a BackendError telling to run npm run build', () => {
    const dir = new URL('file:///nonexistent-nabla-dir/');
    assert.throws(() => createWasmBackendSync({ dir, variant: 'simd' }), (e: unknown) =>
      e instanceof BackendError && /npm run build/.test(e.message));
  });

  it('the coverage table lists wasm kernels and declared fallbacks; fallbacks are counted', () => {
    const rows = wasmCoverage();
    assert.ok(rows.some((r) => r.family === 'matmul' && r.dtype === 'float32' && r.runsOn === 'wasm'));
    assert.ok(rows.some((r) => r.family === 'matmul' && r.dtype === 'float64' && r.runsOn === 'js-fallback'));
    resetFallbackCounts();
    const b = createWasmBackendSync({ threads: 1, name: 'wasm-coverage' });
    const x = b.fromArray(new Float64Array([1, 2])), out = b.alloc('float64', 2);
    b.unary({ id: 'exp', scalar: Math.exp }, x, out);
    assert.equal(fallbackCounts().get('unary:float64:exp'), 1);
  });

  it('relaxedSimdExecArgv names the V8 flag only where it would help', () => {
    const argv = relaxedSimdExecArgv();
    assert.ok(argv.length === 0 || argv[0] === '--experimental-wasm-relaxed-simd');
  });
});
