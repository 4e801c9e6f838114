// entropy and crossEntropyOf (concepts §1) vs torch's −Σ xlogy(q, p) / log(base): values and
// gradients with a random upstream gradient, along several dims, in nats and bits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entropy, crossEntropyOf, tensor, zeros, type DType } from '../index.js';
import { assertClose, loadFixture, toTensor, tolFor, type Enc } from '../../test/helpers/reference.js';

interface InfoCase {
  name: string;
  loss: 'entropy' | 'crossEntropyOf';
  base: 'e' | 2;
  dim: number;
  dtype: DType;
  p: Enc;
  q?: Enc;
  out: Enc;
  dy: Enc;
  dp: Enc;
  dq?: Enc;
}

const cases = loadFixture<{ cases: InfoCase[] }>('nn', 'losses').cases.filter((c) => c.loss === 'entropy' || c.loss === 'crossEntropyOf');
assert.ok(cases.length > 0);

for (const c of cases) {
  test(`${c.name} vs torch`, () => {
    const p = toTensor(c.p, c.dtype, { requiresGrad: true });
    const q = c.q ? toTensor(c.q, c.dtype, { requiresGrad: true }) : null;
    const out = q ? crossEntropyOf(q, p, { base: c.base, dim: c.dim }) : entropy(p, { base: c.base, dim: c.dim });
    const tol = tolFor(c.dtype, true);
    assertClose(out, c.out, tol, 'H');
    out.backward(toTensor(c.dy, c.dtype));
    assertClose(p.grad!, c.dp, tol, 'dp');
    if (q) assertClose(q.grad!, c.dq!, tol, 'dq');
  });
}

test('cross-entropy of a distribution with itself is its entropy; terms with q = 0 add nothing', () => {
  const p = tensor([0.2, 0.3, 0.5], { dtype: 'float64' });
  assert.ok(Math.abs(crossEntropyOf(p, p).item() - entropy(p).item()) < 1e-15);
  assert.ok(Math.abs(crossEntropyOf(tensor([0, 1, 0]), tensor([0, 0.25, 0.75]), { base: 2 }).item() - 2) < 1e-6);
});

test('entropy / crossEntropyOf error inputs', () => {
  assert.throws(() => entropy(tensor([0.5, 0.5]), { base: 1 }), {
    name: 'ArgumentError',
    message: "entropy: base must be 'e' or a positive number other than 1; got 1 (number)",
  });
  assert.throws(() => crossEntropyOf(tensor([1, 0]), tensor([0.5, 0.5]), { base: -2 }), {
    name: 'ArgumentError',
    message: "crossEntropyOf: base must be 'e' or a positive number other than 1; got -2 (number)",
  });
  assert.throws(() => crossEntropyOf(zeros([2, 3]), zeros([4])), {
    name: 'ShapeError',
    message: 'crossEntropyOf: shapes cannot be broadcast together; got q [2, 3] and p [4] (dimension -1: 3 vs 4)',
  });
  assert.throws(() => crossEntropyOf(zeros([]), zeros([])), {
    name: 'ShapeError',
    message: 'crossEntropyOf: q and p must hold distributions (at least 1-D); got q [] and p []',
  });
});
