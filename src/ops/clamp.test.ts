import { clamp } from '../index.js';
import { disposedInputError, testOp, unaryCases, ODD } from '../../test/helpers/test-op.js';

// away from the bounds, where clamp has a kink
const domain = { low: -2, high: 2, avoid: [-0.5, 0.8], margin: 0.05 };

testOp('clamp', {
  inputs: ['x'],
  fn: ([x], a) => clamp(x, a.min ?? undefined, a.max ?? undefined),
  torch: 'torch.clamp(x, min, max)',
  domain,
  cases: [
    ...unaryCases().map((c) => ({ ...c, args: { min: -0.5, max: 0.8 } })),
    { name: 'min only', inputs: [ODD], args: { min: -0.5, max: null } },
    { name: 'max only', inputs: [[4, 5]], args: { min: null, max: 0.8 } },
    { name: 'min above max', inputs: [[4, 5]], args: { min: 0.8, max: -0.5 } },
  ],
  errors: [
    disposedInputError('clamp', (x) => clamp(x, 0, 1)),
  ],
});
