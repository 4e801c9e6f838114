// concepts §9 (notes [1]): binary cross-entropy E = −(y log₂ o + (1 − y) log₂(1 − o)) for y = 1 is
// 0.0291 bits at o = 0.98 and 13.2877 bits at o = 0.0001; and its gradient through a sigmoid
// output is o − y (concepts §4: ∂e/∂w = x(o − y)).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tensor, distributionCrossEntropy, binaryCrossEntropy, sigmoid, mul } from '../../src/index.js';

// H(p, q) of the prediction q = (o, 1 − o) under the target p = (1, 0), in bits; and the same
// through binaryCrossEntropy (nats → bits)
const bceBits = (o: number) => {
  const bits = distributionCrossEntropy(tensor([o, 1 - o], { dtype: 'float64' }), tensor([1, 0], { dtype: 'float64' }), { base: 2 }).item();
  const nats = binaryCrossEntropy(tensor([o], { dtype: 'float64' }), tensor([1], { dtype: 'float64' })).item();
  assert.ok(Math.abs(nats / Math.LN2 - bits) < 1e-12, `binaryCrossEntropy ${nats / Math.LN2} vs ${bits} bits`);
  return bits;
};

test('y = 1, o = 0.98: e = −(1·log₂ 0.98 + 0·log₂ 0.02) = 0.0291', () => {
  assert.equal(bceBits(0.98).toFixed(4), '0.0291');
});

test('y = 1, o = 0.0001: e = −(1·log₂ 0.0001 + 0·log₂ 0.9999) = 13.2877', () => {
  assert.equal(bceBits(0.0001).toFixed(4), '13.2877');
});

test('through o = σ(wx + b): ∂e/∂w = x(o − y), ∂e/∂b = o − y (in nats)', () => {
  for (const [x, y] of [[1.5, 1], [-0.7, 0]] as const) {
    const w = tensor(0.3, { dtype: 'float64', requiresGrad: true });
    const b = tensor(-0.2, { dtype: 'float64', requiresGrad: true });
    const o = sigmoid(mul(w, x).add(b));
    const e = binaryCrossEntropy(o, tensor(y, { dtype: 'float64' }));
    e.backward();
    const oy = o.item() - y;
    assert.ok(Math.abs(w.grad!.item() - x * oy) < 1e-12, `∂e/∂w at x = ${x}, y = ${y}`);
    assert.ok(Math.abs(b.grad!.item() - oy) < 1e-12, `∂e/∂b at x = ${x}, y = ${y}`);
  }
});
