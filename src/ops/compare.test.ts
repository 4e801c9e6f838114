import { eq, ne, lt, le, gt, ge, zeros, ShapeError, type Tensor } from '../index.js';
import { testOp, ODD, type OpCase } from '../../test/helpers/test-op.js';

// 0/1 masks give plenty of ties, so eq/le/ge see both outcomes; plus random floats
const mask = (shape: readonly number[]) => ({ shape, kind: 'mask' as const });
const cases: OpCase[] = [
  { name: 'scalar', inputs: [mask([]), mask([])] },
  { name: 'size-1 dim', inputs: [mask([1, 6]), mask([1, 6])] },
  { name: 'broadcast pair', inputs: [mask([3, 1, 5]), mask([4, 1])] },
  { name: 'zero-size dim', inputs: [mask([0, 3]), mask([1, 3])] },
  { name: 'odd size', inputs: [mask(ODD), mask(ODD)] },
  { name: 'random floats', inputs: [[4, 5], [4, 5]] },
  { name: 'number operand', inputs: [[3, 4]], args: { v: 0.25 } },
];
const ops: [string, (a: Tensor, b: Tensor | number) => Tensor, string][] = [
  ['eq', eq, '=='], ['ne', ne, '!='], ['lt', lt, '<'], ['le', le, '<='], ['gt', gt, '>'], ['ge', ge, '>='],
];
for (const [name, f, py] of ops) {
  testOp(name, {
    inputs: ['a', 'b'],
    fn: ([a, b], args) => f(a, b ?? args.v),
    torch: `a ${py} b`,
    differentiable: false,
    cases: cases.map((c) => (c.name === 'number operand' ? { ...c, torch: `a ${py} v` } : c)),
    errors: [
      {
        name: 'shapes that do not broadcast',
        run: () => f(zeros([2]), zeros([3])),
        throws: ShapeError,
        message: `${name}: shapes cannot be broadcast together; got a [2] and b [3] (dimension -1: 2 vs 3)`,
      },
    ],
  });
}
