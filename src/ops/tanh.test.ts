import { tanh } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('tanh', {
  inputs: ['x'],
  fn: ([x]) => tanh(x),
  torch: 'torch.tanh(x)',
  domain: { low: -3, high: 3 },
  cases: [...unaryCases()],
  errors: [
    disposedInputError('tanh', (x) => tanh(x)),
  ],
});
