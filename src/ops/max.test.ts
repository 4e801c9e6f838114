import { max, min, zeros, ArgumentError, type Tensor } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

const ops: [string, (x: Tensor, d?: number | number[], k?: boolean) => Tensor, string][] = [
  ['max', max, 'amax'],
  ['min', min, 'amin'],
];
for (const [name, f, torchName] of ops) {
  testOp(name, {
    inputs: ['x'],
    fn: ([x], a) => f(x, a.dim ?? undefined, a.keepdim),
    torch: `torch.${torchName}(x, dim, keepdim=keepdim)`,
    cases: [
      { name: 'all', inputs: [[3, 4]], args: { dim: null, keepdim: false }, torch: `x.${name}()` },
      { name: 'scalar', inputs: [[]], args: { dim: null, keepdim: false }, torch: `x.${name}()` },
      { name: 'scalar, dim -1', inputs: [[]], args: { dim: -1, keepdim: false } },
      { name: 'size-1 dim', inputs: [[1, 5]], args: { dim: 0, keepdim: false } },
      { name: 'dim 1 keepdim', inputs: [[3, 4, 2]], args: { dim: 1, keepdim: true } },
      { name: 'non-adjacent dims', inputs: [[2, 3, 4]], args: { dim: [0, 2], keepdim: false } },
      { name: 'zero-size dim kept', inputs: [[0, 3]], args: { dim: 1, keepdim: false } },
      { name: 'odd size', inputs: [ODD], args: { dim: 0, keepdim: false } },
      {
        name: 'ties share the gradient',
        inputs: [{ shape: [2, 3], values: [1, 3, 3, -2, -2, 0] }],
        args: { dim: 1, keepdim: false },
        noGradcheck: 'not differentiable at a tie; the even split is checked against torch',
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
        name: 'dim out of range',
        run: () => f(zeros([2, 3]), -3),
        throws: ArgumentError,
        message: `${name}: dim -3 is out of range for a tensor of rank 2`,
      },
    ],
  });
}
