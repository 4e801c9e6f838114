import { exp } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('exp', {
  inputs: ['x'],
  fn: ([x]) => exp(x),
  torch: 'torch.exp(x)',
  cases: [...unaryCases(), { name: 'large and small', inputs: [[50]], domain: { low: -30, high: 30 } }],
  errors: [
    disposedInputError('exp', (x) => exp(x)),
  ],
});
