import { log, zeros, MemoryError } from '../index.js';
import { testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('log', {
  inputs: ['x'],
  fn: ([x]) => log(x),
  torch: 'torch.log(x)',
  domain: { low: 0.05, high: 5 },
  cases: [...unaryCases(), { name: 'wide range', inputs: [[40]], domain: { low: 1e-3, high: 1e3 } }],
  errors: [
    {
      name: 'a disposed tensor',
      run: () => {
        const x = zeros([2]);
        x.dispose();
        return log(x);
      },
      throws: MemoryError,
      message: 'log: this tensor was disposed and its memory released; got tensor [2]',
    },
  ],
});
