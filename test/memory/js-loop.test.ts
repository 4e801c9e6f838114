// Memory stays bounded in a long synchronous training loop on the js backend, with no dispose():
// typed arrays are ordinary garbage, collected by V8 inside the loop (docs/design.md §3).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as nb from '../../src/index.js';

test('js backend: 20,000 synchronous training steps keep memory bounded without dispose()', () => {
  nb.setBackend('js');
  nb.manualSeed(1);
  const model = nb.mlp([64, 64, 10]);
  const opt = new nb.Adam(model.parameters(), { lr: 1e-3 });
  const x = nb.randn([32, 64]);
  const y = nb.randint(0, 10, [32]);
  let peak = 0;
  const start = process.memoryUsage();
  for (let step = 0; step < 20000; step++) {
    const loss = nb.crossEntropy(model.forward(x), y);
    opt.zeroGrad();
    loss.backward();
    opt.step();
    if (step % 500 === 0) {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - start.heapUsed - start.arrayBuffers);
    }
  }
  // each step allocates ~100 KB of tensors (2 GB over the loop); the live set must stay small
  assert.ok(peak < 200 * 2 ** 20, `memory grew by ${(peak / 2 ** 20).toFixed(1)} MB`);
});
