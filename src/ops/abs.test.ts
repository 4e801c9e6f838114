import { abs, zeros, MemoryError } from '../index.js';
import { testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('abs', {
  inputs: ['x'],
  fn: ([x]) => abs(x),
  torch: 'torch.abs(x)',
  domain: { low: -2, high: 2, avoid: [0], margin: 0.05 },
  cases: [...unaryCases()],
  errors: [
    {
      name: 'a disposed tensor',
      run: () => {
        const x = zeros([2]);
        x.dispose();
        return abs(x);
      },
      throws: MemoryError,
      message: 'abs: this tensor was disposed and its memory released; got tensor [2]',
    },
  ],
});
