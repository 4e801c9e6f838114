// uniform_ in place, checked statistically (mean (a+b)/2, std (b−a)/√12, within the bounds).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zeros, Rng, init } from '../../index.js';
import { stats } from '../../../test/helpers/stats.js';

test('uniform_(−3, 5)', () => {
  const t = zeros([400, 500]);
  assert.equal(init.uniform_(t, -3, 5, { rng: new Rng(1) }), t); // in place, returns its argument
  const s = stats(t);
  assert.ok(s.min >= -3 && s.max < 5);
  assert.ok(Math.abs(s.mean - 1) < (4 * 8) / Math.sqrt(12) / Math.sqrt(s.n), `mean ${s.mean}`);
  assert.ok(Math.abs(s.std / (8 / Math.sqrt(12)) - 1) < 0.01, `std ${s.std}`);
});
