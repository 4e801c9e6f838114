// Xavier/Glorot initializers, checked statistically for fixed seeds (concepts §6).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zeros, Rng, init } from '../../index.js';
import { assertMoments, stats } from '../../../test/helpers/stats.js';

test('xavierUniform_: U(−r, r), r = √6/√(n_in + n_out); std r/√3', () => {
  for (const seed of [0, 1, 2]) {
    const w = init.xavierUniform_(zeros([400, 600]), { rng: new Rng(seed) }); // n_out 400, n_in 600
    const r = Math.sqrt(6) / Math.sqrt(600 + 400);
    const s = stats(w);
    assert.ok(s.min >= -r && s.max <= r, `within ±${r}: [${s.min}, ${s.max}]`);
    assert.ok(s.min < -0.999 * r && s.max > 0.999 * r, 'reaches the bounds');
    assertMoments(w, r / Math.sqrt(3), `seed ${seed}`);
  }
});

test('xavierUniform_ with gain, and conv fans (receptive field multiplies both)', () => {
  const w = init.xavierUniform_(zeros([64, 32, 7, 7]), { gain: 2, rng: new Rng(3) });
  const r = (2 * Math.sqrt(6)) / Math.sqrt(32 * 49 + 64 * 49);
  const s = stats(w);
  assert.ok(s.min >= -r && s.max <= r && s.max > 0.999 * r);
  assertMoments(w, r / Math.sqrt(3), 'conv');
});

test('xavierNormal_: N(0, 2/(n_in + n_out)) (torch.nn.init.xavier_normal_)', () => {
  const w = init.xavierNormal_(zeros([300, 500]), { rng: new Rng(4) });
  assertMoments(w, Math.sqrt(2 / 800), 'xavierNormal_');
});

test('initializers are reproducible from the seed and differ across seeds', () => {
  const a = init.xavierUniform_(zeros([10, 10]), { rng: new Rng(9) }).toTypedArray();
  const b = init.xavierUniform_(zeros([10, 10]), { rng: new Rng(9) }).toTypedArray();
  const c = init.xavierUniform_(zeros([10, 10]), { rng: new Rng(10) }).toTypedArray();
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('xavier error input: fans need at least 2 dims', () => {
  assert.throws(() => init.xavierUniform_(zeros([5])), {
    name: 'ArgumentError',
    message: 'xavierUniform_: fan in and fan out need a tensor with at least 2 dims; got tensor [5]',
  });
});
