import { neg } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('neg', {
  inputs: ['x'],
  fn: ([x]) => neg(x),
  torch: 'torch.neg(x)',
  cases: [...unaryCases()],
  errors: [
    disposedInputError('neg', (x) => neg(x)),
  ],
});
