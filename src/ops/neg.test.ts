import { neg, zeros, MemoryError } from '../index.js';
import { testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('neg', {
  inputs: ['x'],
  fn: ([x]) => neg(x),
  torch: 'torch.neg(x)',
  cases: [...unaryCases()],
  errors: [
    {
      name: 'a disposed tensor',
      run: () => {
        const x = zeros([2]);
        x.dispose();
        return neg(x);
      },
      throws: MemoryError,
      message: 'neg: this tensor was disposed and its memory released; got tensor [2]',
    },
  ],
});
