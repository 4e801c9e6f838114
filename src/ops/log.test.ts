import { log } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('log', {
  inputs: ['x'],
  fn: ([x]) => log(x),
  torch: 'torch.log(x)',
  domain: { low: 0.05, high: 5 },
  cases: [...unaryCases(), { name: 'wide range', inputs: [[40]], domain: { low: 1e-3, high: 1e3 } }],
  errors: [
    disposedInputError('log', (x) => log(x)),
  ],
});
