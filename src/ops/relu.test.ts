import { relu } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('relu', {
  inputs: ['x'],
  fn: ([x]) => relu(x),
  torch: 'torch.relu(x)',
  domain: { low: -2, high: 2, avoid: [0], margin: 0.05 },
  cases: [...unaryCases()],
  errors: [
    disposedInputError('relu', (x) => relu(x)),
  ],
});
