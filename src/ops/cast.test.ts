import { cast } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('cast', {
  inputs: ['x'],
  fn: ([x]) => cast(cast(x, 'float32'), x.dtype),
  torch: 'x.float().to(x.dtype)',
  domain: { low: -5, high: 5 },
  cases: [
    ...unaryCases().map((c) => ({
      ...c,
      name: `through float32, ${c.name}`,
      noGradcheck: 'rounding to float32 is a step function at the scale of eps = 1e-6',
    })),
    { name: 'through float64', inputs: [[3, 4]], fn: ([x]) => cast(cast(x, 'float64'), x.dtype), torch: 'x.double().to(x.dtype)' },
    { name: 'to int32 truncates', inputs: [[4, 5]], fn: ([x]) => cast(x, 'int32'), torch: 'x.to(torch.int32)' },
    {
      name: 'to int32 and back',
      inputs: [[6]],
      fn: ([x]) => cast(cast(x, 'int32'), x.dtype),
      torch: 'x.to(torch.int32).to(x.dtype)',
    },
  ],
  errors: [
    disposedInputError('cast', (x) => cast(x, 'float64')),
  ],
});
