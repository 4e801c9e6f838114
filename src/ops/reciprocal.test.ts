import { reciprocal } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('reciprocal', {
  inputs: ['x'],
  fn: ([x]) => reciprocal(x),
  torch: 'torch.reciprocal(x)',
  domain: { low: -2, high: 2, avoid: [0], margin: 0.2 },
  cases: [...unaryCases()],
  errors: [
    disposedInputError('reciprocal', (x) => reciprocal(x)),
  ],
});
