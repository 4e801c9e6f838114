// concepts §9 (notes [0]): the entropy of a fair coin is about 0.693 nats and of a fair die about 1.79
// nats, so the die is harder to predict; in bits the coin is exactly 1.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tensor, full, entropy } from '../../src/index.js';

test('coin: H = −(½ log ½ + ½ log ½) ≈ 0.693 nats = 1 bit', () => {
  const coin = tensor([0.5, 0.5]);
  const nats = entropy(coin).item();
  assert.equal(nats.toFixed(3), '0.693');
  assert.ok(Math.abs(nats - Math.LN2) < 1e-6);
  assert.ok(Math.abs(entropy(coin, { base: 2 }).item() - 1) < 1e-6);
});

test('die: H = −6·(⅙ log ⅙) ≈ 1.79 nats, more than the coin', () => {
  const die = full([6], 1 / 6);
  const nats = entropy(die).item();
  assert.equal(nats.toFixed(2), '1.79');
  assert.ok(Math.abs(nats - Math.log(6)) < 1e-6);
  assert.ok(nats > entropy(tensor([0.5, 0.5])).item());
});

test('a certain outcome has zero entropy (0·log 0 = 0), in a batch of distributions', () => {
  const h = entropy(tensor([[1, 0], [0.5, 0.5]]), { base: 2 }).toTypedArray();
  assert.ok(h[0] === 0); // −0 as in torch: −(1·log 1)
  assert.ok(Math.abs(h[1] - 1) < 1e-6);
});
