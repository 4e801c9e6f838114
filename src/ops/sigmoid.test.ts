import { sigmoid, reciprocal, add, exp, neg, zeros, MemoryError } from '../index.js';
import { testOp, unaryCases } from '../../test/helpers/test-op.js';

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
    {
      name: 'a disposed tensor',
      run: () => {
        const x = zeros([2]);
        x.dispose();
        return sigmoid(x);
      },
      throws: MemoryError,
      message: 'sigmoid: this tensor was disposed and its memory released; got tensor [2]',
    },
  ],
});
