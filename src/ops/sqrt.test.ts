import { sqrt } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('sqrt', {
  inputs: ['x'],
  fn: ([x]) => sqrt(x),
  torch: 'torch.sqrt(x)',
  domain: { low: 0.05, high: 5 },
  cases: [...unaryCases()],
  errors: [
    disposedInputError('sqrt', (x) => sqrt(x)),
  ],
});
