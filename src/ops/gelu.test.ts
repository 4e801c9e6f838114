import { gelu, zeros, ArgumentError, type Tensor } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('gelu', {
  inputs: ['x'],
  fn: ([x]) => gelu(x),
  torch: 'F.gelu(x)',
  domain: { low: -4, high: 4 },
  cases: [
    ...unaryCases(),
    { name: 'wide', inputs: [[200]], domain: { low: -8, high: 8 } },
    ...unaryCases().map((c) => ({
      ...c, name: `tanh, ${c.name}`, fn: ([x]: Tensor[]) => gelu(x, { approximate: 'tanh' }), torch: "F.gelu(x, approximate='tanh')",
    })),
    { name: 'explicit none', inputs: [[3, 4]], fn: ([x]) => gelu(x, { approximate: 'none' }) },
  ],
  errors: [
    disposedInputError('gelu', (x) => gelu(x)),
    { name: 'approximate not in the list', run: () => gelu(zeros([2]), { approximate: 'erf' as never }), throws: ArgumentError, message: "gelu: approximate must be 'none' or 'tanh'; got 'erf' (string)" },
    { name: 'unknown option', run: () => gelu(zeros([2]), { approx: 'tanh' } as never), throws: ArgumentError, message: "gelu: unknown option 'approx' (options: approximate)" },
  ],
});
