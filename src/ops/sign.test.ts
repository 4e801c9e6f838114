import { sign } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('sign', {
  inputs: ['x'],
  fn: ([x]) => sign(x),
  torch: 'torch.sign(x)',
  domain: { low: -2, high: 2, avoid: [0], margin: 0.05 },
  differentiable: false,
  cases: [...unaryCases(), { name: 'zeros', inputs: [{ shape: [3], values: [0, 1, -1] }] }],
  errors: [
    disposedInputError('sign', (x) => sign(x)),
  ],
});
