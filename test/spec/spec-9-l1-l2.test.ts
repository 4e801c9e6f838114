// concepts §9 (notes): for x = [1, 1, 1, 1], w₁ = [1, 0, 0, 0] and w₂ = [¼, ¼, ¼, ¼] give the same score
// wᵀx = 1. L2 (Σw²) prefers the spread-out w₂ (0.25 against 1); L1 (Σ|w|) rates them equal.
// (The notes' table computes Σ(x − w)²; these are the standard definitions.) The penalties are
// nabla's l2Penalty and l1Penalty with λ = 1, checked against the sums written by hand.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tensor, matmul, sum, mul, abs, l1Penalty, l2Penalty } from '../../src/index.js';

const x = tensor([1, 1, 1, 1]);
const w1 = tensor([1, 0, 0, 0]);
const w2 = tensor([0.25, 0.25, 0.25, 0.25]);
const l2 = (w: typeof x) => {
  const r = l2Penalty(w, 1).value().item();
  assert.equal(r, sum(mul(w, w)).item());
  return r;
};
const l1 = (w: typeof x) => {
  const r = l1Penalty(w, 1).value().item();
  assert.equal(r, sum(abs(w)).item());
  return r;
};

test('equal scores: w₁ᵀx = w₂ᵀx = 1', () => {
  assert.equal(matmul(w1, x).item(), 1);
  assert.equal(matmul(w2, x).item(), 1);
});

test('L2: R(w₁) = 1, R(w₂) = 0.25, so L2 prefers w₂', () => {
  assert.equal(l2(w1), 1);
  assert.equal(l2(w2), 0.25);
  assert.ok(l2(w2) < l2(w1));
});

test('L1: R(w₁) = R(w₂) = 1', () => {
  assert.equal(l1(w1), 1);
  assert.equal(l1(w2), 1);
});
