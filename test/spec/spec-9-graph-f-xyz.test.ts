// concepts §9 (notes [0][4]): the computational graph f = (x + y)·z at x = −2, y = 5, z = −4:
// q = x + y = 3, f = q·z = −12; backward: ∂f/∂z = q = 3, ∂f/∂q = z = −4, and add passes it
// through, so ∂f/∂x = ∂f/∂y = −4.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tensor, add, mul } from '../../src/index.js';

for (const dtype of ['float32', 'float64'] as const) {
  test(`f = (x + y)·z at (−2, 5, −4): f = −12, ∂f/∂x = ∂f/∂y = −4, ∂f/∂z = 3 (${dtype})`, () => {
    const x = tensor(-2, { dtype, requiresGrad: true });
    const y = tensor(5, { dtype, requiresGrad: true });
    const z = tensor(-4, { dtype, requiresGrad: true });
    const q = add(x, y);
    const f = mul(q, z);
    assert.equal(q.item(), 3);
    assert.equal(f.item(), -12);
    f.backward();
    assert.equal(x.grad!.item(), -4);
    assert.equal(y.grad!.item(), -4);
    assert.equal(z.grad!.item(), 3);
  });
}
