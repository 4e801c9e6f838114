import { argmax, argmin, zeros, ArgumentError, type Tensor } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

const ops: [string, (x: Tensor, d?: number, k?: boolean) => Tensor][] = [['argmax', argmax], ['argmin', argmin]];
for (const [name, f] of ops) {
  testOp(name, {
    inputs: ['x'],
    fn: ([x], a) => f(x, a.dim ?? undefined, a.keepdim),
    torch: `torch.${name}(x, dim, keepdim=keepdim)`,
    differentiable: false,
    cases: [
      { name: 'flattened', inputs: [[3, 4]], args: { dim: null, keepdim: false }, torch: `torch.${name}(x)` },
      { name: 'flattened, keepdim', inputs: [[3, 4]], args: { dim: null, keepdim: true }, torch: `torch.${name}(x, keepdim=True)` },
      { name: 'scalar', inputs: [[]], args: { dim: null, keepdim: false }, torch: `torch.${name}(x)` },
      { name: 'size-1 dim', inputs: [[1, 5]], args: { dim: 0, keepdim: false } },
      { name: 'dim 1 keepdim', inputs: [[3, 4, 2]], args: { dim: 1, keepdim: true } },
      { name: 'zero-size dim kept', inputs: [[0, 3]], args: { dim: 1, keepdim: false } },
      { name: 'odd size', inputs: [ODD], args: { dim: 1, keepdim: false } },
      {
        name: 'ties give the first index',
        inputs: [{ shape: [2, 4], values: [1, 3, 3, -2, -2, 0, -2, 0] }],
        args: { dim: 1, keepdim: false },
      },
    ],
    errors: [
      {
        name: 'reducing a zero-size dim',
        run: () => f(zeros([0, 3]), 0),
        throws: ArgumentError,
        message: `${name}: cannot reduce over a dimension of size 0; got x [0, 3]`,
      },
      {
        name: 'an empty tensor without dim',
        run: () => f(zeros([2, 0])),
        throws: ArgumentError,
        message: `${name}: cannot reduce over a dimension of size 0; got x [2, 0]`,
      },
    ],
  });
}
