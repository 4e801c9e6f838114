import { relu, zeros, MemoryError } from '../index.js';
import { testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('relu', {
  inputs: ['x'],
  fn: ([x]) => relu(x),
  torch: 'torch.relu(x)',
  domain: { low: -2, high: 2, avoid: [0], margin: 0.05 },
  cases: [...unaryCases()],
  errors: [
    {
      name: 'a disposed tensor',
      run: () => {
        const x = zeros([2]);
        x.dispose();
        return relu(x);
      },
      throws: MemoryError,
      message: 'relu: this tensor was disposed and its memory released; got tensor [2]',
    },
  ],
});
