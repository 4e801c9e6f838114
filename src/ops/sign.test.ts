import { sign, zeros, MemoryError } from '../index.js';
import { testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('sign', {
  inputs: ['x'],
  fn: ([x]) => sign(x),
  torch: 'torch.sign(x)',
  domain: { low: -2, high: 2, avoid: [0], margin: 0.05 },
  differentiable: false,
  cases: [...unaryCases(), { name: 'zeros', inputs: [{ shape: [3], values: [0, 1, -1] }] }],
  errors: [
    {
      name: 'a disposed tensor',
      run: () => {
        const x = zeros([2]);
        x.dispose();
        return sign(x);
      },
      throws: MemoryError,
      message: 'sign: this tensor was disposed and its memory released; got tensor [2]',
    },
  ],
});
