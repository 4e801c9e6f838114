import { permute, transpose, t, zeros, ArgumentError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

testOp('permute', {
  inputs: ['x'],
  fn: ([x], a) => permute(x, a.dims),
  torch: 'x.permute(*dims)',
  cases: [
    { name: 'scalar', inputs: [[]], args: { dims: [] }, torch: 'x' },
    { name: 'size-1 dim', inputs: [[1, 4, 3]], args: { dims: [2, 0, 1] } },
    { name: '4-d', inputs: [[2, 3, 4, 5]], args: { dims: [3, 1, 0, 2] } },
    { name: 'negative dims', inputs: [[2, 3, 4]], args: { dims: [-1, 0, 1] } },
    { name: 'zero-size dim', inputs: [[0, 3]], args: { dims: [1, 0] } },
    { name: 'odd size', inputs: [ODD], args: { dims: [1, 0] } },
    { name: 'transpose', inputs: [[2, 3, 4]], fn: ([x]) => transpose(x, 0, -1), torch: 'torch.transpose(x, 0, -1)' },
    { name: 't of a matrix', inputs: [[3, 5]], fn: ([x]) => t(x), torch: 'x.t()' },
    { name: 't of a vector', inputs: [[4]], fn: ([x]) => t(x), torch: 'x.t()' },
  ],
  errors: [
    {
      name: 'not a permutation',
      run: () => permute(zeros([2, 3]), [0, 0]),
      throws: ArgumentError,
      message: 'permute: dims must be a permutation of the tensor\'s axes; got x [2, 3] and dims [0, 0]',
    },
    {
      name: 'transpose out of range',
      run: () => transpose(zeros([2, 3]), 0, 2),
      throws: ArgumentError,
      message: 'transpose: dim 2 is out of range for a tensor of rank 2',
    },
  ],
});
