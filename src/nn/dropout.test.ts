// Inverted dropout (nn/dropout.ts): keep rate 1 − p and scale 1/(1 − p) over 10⁶ units, identity
// in evaluation, p = 0 and p = 1, the gradient is the same mask, the same seed gives the same mask
// on js, on wasm with 1 and 2 threads; a mask made in a training step is released with it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropout, Dropout, ones, tensor, Rng, ArgumentError, DTypeError } from '../index.js';
import { createWasmBackendSync, loadWasm, type WasmBackend } from '../backend/wasm/index.js';
import { withAllocScope } from '../tensor/alloc-scope.js';
import { registerBackend } from '../backend/registry.js';

await loadWasm({ threads: 2 });
registerBackend(createWasmBackendSync({ threads: 1, name: 'wasm-1thread' }));

describe('dropout', () => {
  it('keeps 1 − p of 10⁶ units (within 5 standard errors), each scaled by exactly 1/(1 − p)', () => {
    for (const p of [0.2, 0.5, 0.9]) {
      const y = dropout(ones([1e6], { dtype: 'float64' }), p, true, { rng: new Rng(1) }).toTypedArray();
      let kept = 0;
      for (const v of y) {
        if (v !== 0) {
          kept++;
          assert.equal(v, 1 / (1 - p));
        }
      }
      const rate = kept / y.length, se = Math.sqrt(p * (1 - p) / y.length);
      assert.ok(Math.abs(rate - (1 - p)) < 5 * se, `p = ${p}: keep rate ${rate}`);
    }
  });
  it('is the identity in evaluation and for p = 0; p = 1 gives zeros', () => {
    const x = tensor([1, -2, 3]);
    assert.equal(dropout(x, 0.5, false), x);
    assert.equal(dropout(x, 0), x);
    assert.deepEqual(dropout(x, 1).tolist(), [0, -0, 0]); // x·0, signed zeros as torch
    const layer = new Dropout(0.5);
    assert.deepEqual(layer.eval().forward(x).tolist(), [1, -2, 3]);
    assert.equal(layer.toString(), 'Dropout(p=0.5)');
  });
  it('the gradient is the mask: dx = dy ⊙ m/(1 − p)', () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8], { requiresGrad: true, dtype: 'float64' });
    const y = dropout(x, 0.25, true, { rng: new Rng(3) });
    const dy = tensor([1, 2, 3, 4, 5, 6, 7, 8], { dtype: 'float64' });
    y.backward(dy);
    const ratio = (y.tolist() as number[]).map((v, i) => v / (i + 1));
    assert.deepEqual(x.grad!.tolist(), ratio.map((m, i) => m * (i + 1)));
    assert.ok(ratio.every((m) => m === 0 || m === 1 / 0.75));
  });
  it('the same seed gives the same mask on js, wasm (2 threads) and wasm (1 thread)', () => {
    const masks = ['js', 'wasm', 'wasm-1thread'].map((backend) =>
      dropout(ones([4099], { backend }), 0.3, true, { rng: new Rng(42) }).toTypedArray());
    assert.deepEqual(masks[1], masks[0]);
    assert.deepEqual(masks[2], masks[0]);
    const a = new Dropout(0.3, { rng: new Rng(5) }).forward(ones([100])).tolist();
    const b = new Dropout(0.3, { rng: new Rng(5) }).forward(ones([100])).tolist();
    assert.deepEqual(a, b);
  });
  it('a mask made inside an allocation scope (a training step) is released with it (wasm)', () => {
    const x = ones([256, 256], { backend: 'wasm' });
    const be = x.backend as WasmBackend;
    const before = be.memoryStats().tempBytes;
    withAllocScope(() => dropout(x, 0.5, true, { rng: new Rng(0) }).sum(), () => []);
    assert.equal(be.memoryStats().tempBytes, before);
  });
  it('refuses p outside [0, 1], a non-boolean training flag and integer input', () => {
    assert.throws(() => dropout(ones([2]), 1.5), (e: Error) => e instanceof ArgumentError && e.message === 'dropout: p must be a finite number in [0, 1]; got 1.5 (number)');
    assert.throws(() => new Dropout(-0.1), (e: Error) => e instanceof ArgumentError && e.message === 'Dropout: p must be a finite number in [0, 1]; got -0.1 (number)');
    assert.throws(() => dropout(ones([2]), 0.5, 'train' as never), ArgumentError);
    assert.throws(() => dropout(ones([2], { dtype: 'int32' }), 0.5), DTypeError);
  });
});
