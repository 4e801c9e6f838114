import assert from 'node:assert/strict';
import { clone, detach, mul, tensor } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('clone', {
  inputs: ['x'],
  fn: ([x]) => clone(x),
  torch: 'torch.clone(x)',
  cases: [
    ...unaryCases(),
    // detach cuts the graph: d(detach(x)·x)/dx = x, not 2x
    {
      name: 'detach in a product',
      inputs: [[3, 4]],
      fn: ([x]) => mul(detach(x), x),
      torch: 'x.detach() * x',
      noGradcheck: 'finite differences perturb the detached copy too (it shares memory)',
    },
  ],
  errors: [
    disposedInputError('detach', (x) => detach(x)),
  ],
  checks: {
    'clone has its own memory; detach shares it and has no graph'() {
      const x = tensor([1, 2, 3], { requiresGrad: true });
      const c = clone(x), d = detach(x);
      assert.notEqual(c.storage, x.storage);
      assert.equal(d.storage, x.storage);
      assert.equal(d.requiresGrad, false);
      assert.equal(d.gradFn, null);
      assert.equal(c.requiresGrad, true);
    },
  },
});
