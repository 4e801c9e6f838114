// The js reference backend run through the conformance suite (it must agree with itself; this
// also checks the suite's own cases run).
import { jsBackend } from '../../src/backend/js/js-backend.js';
import { runConformance } from './conformance.js';

runConformance({ backend: jsBackend });

import assert from 'node:assert/strict';
import { it } from 'node:test';
import * as nb from '../../src/index.js';

it('matmul: 0·Inf is NaN on every backend, as in PyTorch (mm([[0, 1]], [[inf, 2], [1, 1]]) = [[nan, 1]])', () => {
  for (const backend of ['js', 'wasm']) {
    for (const dtype of ['float32', 'float64'] as const) {
      const a = nb.tensor([[0, 1]], { dtype, backend }), b = nb.tensor([[Infinity, 2], [1, 1]], { dtype, backend });
      const ab = nb.matmul(a, b).tolist() as number[][];
      assert.ok(Number.isNaN(ab[0][0]), `${backend} ${dtype}: ${ab[0][0]}`);
      assert.equal(ab[0][1], 1);
      // Aᵀ·B: the other loop order of the reference
      const at = nb.tensor([[0], [1]], { dtype, backend });
      assert.ok(Number.isNaN((nb.matmul(at.t(), b).tolist() as number[][])[0][0]), `${backend} ${dtype} Aᵀ·B`);
    }
  }
});
