import { abs } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('abs', {
  inputs: ['x'],
  fn: ([x]) => abs(x),
  torch: 'torch.abs(x)',
  domain: { low: -2, high: 2, avoid: [0], margin: 0.05 },
  cases: [...unaryCases()],
  errors: [
    disposedInputError('abs', (x) => abs(x)),
  ],
});
