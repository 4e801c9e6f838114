import { sigmoid, reciprocal, add, exp, neg } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('sigmoid', {
  inputs: ['x'],
  fn: ([x]) => sigmoid(x),
  torch: 'torch.sigmoid(x)',
  domain: { low: -6, high: 6 },
  cases: [...unaryCases(),
    { name: 'saturated', inputs: [[30]], domain: { low: -40, high: 40 } },
    {
      // the notes' graph: −x → exp → +1 → 1/x is sigmoid, in value and in gradient
      name: 'notes composition',
      inputs: [[4, 5]],
      fn: ([x]) => reciprocal(add(exp(neg(x)), 1)),
    }],
  errors: [
    disposedInputError('sigmoid', (x) => sigmoid(x)),
  ],
});
