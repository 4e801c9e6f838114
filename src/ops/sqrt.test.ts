import { sqrt, zeros, MemoryError } from '../index.js';
import { testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('sqrt', {
  inputs: ['x'],
  fn: ([x]) => sqrt(x),
  torch: 'torch.sqrt(x)',
  domain: { low: 0.05, high: 5 },
  cases: [...unaryCases()],
  errors: [
    {
      name: 'a disposed tensor',
      run: () => {
        const x = zeros([2]);
        x.dispose();
        return sqrt(x);
      },
      throws: MemoryError,
      message: 'sqrt: this tensor was disposed and its memory released; got tensor [2]',
    },
  ],
});
