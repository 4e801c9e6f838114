import { reciprocal, zeros, MemoryError } from '../index.js';
import { testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('reciprocal', {
  inputs: ['x'],
  fn: ([x]) => reciprocal(x),
  torch: 'torch.reciprocal(x)',
  domain: { low: -2, high: 2, avoid: [0], margin: 0.2 },
  cases: [...unaryCases()],
  errors: [
    {
      name: 'a disposed tensor',
      run: () => {
        const x = zeros([2]);
        x.dispose();
        return reciprocal(x);
      },
      throws: MemoryError,
      message: 'reciprocal: this tensor was disposed and its memory released; got tensor [2]',
    },
  ],
});
