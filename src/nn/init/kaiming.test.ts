// He/Kaiming initializers, checked statistically for fixed seeds (concepts §6).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zeros, Rng, init } from '../../index.js';
import { assertMoments, stats } from '../../../test/helpers/stats.js';

test('heNormal_ / kaimingNormal_(relu): std √(2/n_in)', () => {
  for (const seed of [0, 1]) {
    assertMoments(init.heNormal_(zeros([256, 784]), { rng: new Rng(seed) }), Math.sqrt(2 / 784), `heNormal_ ${seed}`);
    assertMoments(init.kaimingNormal_(zeros([256, 784]), { nonlinearity: 'relu', rng: new Rng(seed) }),
      Math.sqrt(2 / 784), `kaimingNormal_ ${seed}`);
  }
});

test('kaimingNormal_ defaults match torch (leaky_relu, a = 0 ⇒ gain √2, fan_in); fanOut mode', () => {
  assertMoments(init.kaimingNormal_(zeros([200, 500]), { rng: new Rng(2) }), Math.sqrt(2 / 500), 'default');
  assertMoments(init.kaimingNormal_(zeros([200, 500]), { mode: 'fanOut', rng: new Rng(2) }), Math.sqrt(2 / 200), 'fanOut');
  assertMoments(init.kaimingNormal_(zeros([200, 500]), { nonlinearity: 'tanh', rng: new Rng(2) }), 5 / 3 / Math.sqrt(500), 'tanh');
});

test('kaimingUniform_: U(−b, b), b = gain·√(3/n_in)', () => {
  const w = init.kaimingUniform_(zeros([300, 400]), { nonlinearity: 'relu', rng: new Rng(5) });
  const b = Math.SQRT2 * Math.sqrt(3 / 400);
  const s = stats(w);
  assert.ok(s.min >= -b && s.max <= b && s.max > 0.999 * b, `[${s.min}, ${s.max}] vs ±${b}`);
  assertMoments(w, b / Math.sqrt(3), 'kaimingUniform_');
});

test('calculateGain as torch.nn.init.calculate_gain', () => {
  assert.equal(init.calculateGain('relu'), Math.SQRT2);
  assert.equal(init.calculateGain('tanh'), 5 / 3);
  assert.equal(init.calculateGain('sigmoid'), 1);
  assert.equal(init.calculateGain('linear'), 1);
  assert.ok(Math.abs(init.calculateGain('leaky_relu', 0.2) - Math.sqrt(2 / 1.04)) < 1e-15);
});
