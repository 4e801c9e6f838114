import { tanh, zeros, MemoryError } from '../index.js';
import { testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('tanh', {
  inputs: ['x'],
  fn: ([x]) => tanh(x),
  torch: 'torch.tanh(x)',
  domain: { low: -3, high: 3 },
  cases: [...unaryCases()],
  errors: [
    {
      name: 'a disposed tensor',
      run: () => {
        const x = zeros([2]);
        x.dispose();
        return tanh(x);
      },
      throws: MemoryError,
      message: 'tanh: this tensor was disposed and its memory released; got tensor [2]',
    },
  ],
});
