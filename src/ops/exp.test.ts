import { exp, zeros, MemoryError } from '../index.js';
import { testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('exp', {
  inputs: ['x'],
  fn: ([x]) => exp(x),
  torch: 'torch.exp(x)',
  cases: [...unaryCases(), { name: 'large and small', inputs: [[50]], domain: { low: -30, high: 30 } }],
  errors: [
    {
      name: 'a disposed tensor',
      run: () => {
        const x = zeros([2]);
        x.dispose();
        return exp(x);
      },
      throws: MemoryError,
      message: 'exp: this tensor was disposed and its memory released; got tensor [2]',
    },
  ],
});
