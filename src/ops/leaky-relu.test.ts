import { leakyRelu, zeros, ArgumentError } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('leakyRelu', {
  inputs: ['x'],
  fn: ([x], a) => leakyRelu(x, a.negativeSlope),
  torch: 'F.leaky_relu(x, 0.01 if negativeSlope is None else negativeSlope)',
  domain: { low: -2, high: 2, avoid: [0], margin: 0.05 },
  cases: [
    ...unaryCases().map((c) => ({ ...c, args: { negativeSlope: null } })),
    { name: 'slope 0.2', inputs: [[3, 4]], args: { negativeSlope: 0.2 } },
    { name: 'slope > 1', inputs: [[3, 4]], args: { negativeSlope: 3 } },
    { name: 'negative slope', inputs: [[3, 4]], args: { negativeSlope: -0.5 } },
  ].map((c) => ({ ...c, fn: c.args.negativeSlope === null ? ([x]) => leakyRelu(x) : undefined })),
  errors: [
    disposedInputError('leakyRelu', (x) => leakyRelu(x)),
    { name: 'slope a string', run: () => leakyRelu(zeros([2]), '0.1' as never), throws: ArgumentError, message: "leakyRelu: negativeSlope must be a finite number; got '0.1' (string)" },
    { name: 'slope NaN', run: () => leakyRelu(zeros([2]), NaN), throws: ArgumentError, message: 'leakyRelu: negativeSlope must be a finite number; got NaN (number)' },
  ],
});
