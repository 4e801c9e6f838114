// Element-wise comparisons (concepts §2). Not differentiable. nabla has no bool dtype: the result
// holds 1 or 0 in the operands' promoted dtype, so it can be summed or multiplied directly.

import { defineBinary } from './elementwise.js';
import { asPair, type TensorLike } from './operand.js';

export const eqOp = defineBinary({ name: 'eq', spec: '§2', scalar: (a, b) => (a === b ? 1 : 0) });
export const neOp = defineBinary({ name: 'ne', spec: '§2', scalar: (a, b) => (a !== b ? 1 : 0) });
export const ltOp = defineBinary({ name: 'lt', spec: '§2', scalar: (a, b) => (a < b ? 1 : 0) });
export const leOp = defineBinary({ name: 'le', spec: '§2', scalar: (a, b) => (a <= b ? 1 : 0) });
export const gtOp = defineBinary({ name: 'gt', spec: '§2', scalar: (a, b) => (a > b ? 1 : 0) });
export const geOp = defineBinary({ name: 'ge', spec: '§2', scalar: (a, b) => (a >= b ? 1 : 0) });

/** y = [a = b] as 1/0 (concepts §2). Matches `torch.eq` (values, not bool dtype). */
export const eq = (a: TensorLike, b: TensorLike) => eqOp.apply(asPair(a, b, 'eq'), {});
/** y = [a ≠ b] as 1/0 (concepts §2). */
export const ne = (a: TensorLike, b: TensorLike) => neOp.apply(asPair(a, b, 'ne'), {});
/** y = [a < b] as 1/0 (concepts §2). */
export const lt = (a: TensorLike, b: TensorLike) => ltOp.apply(asPair(a, b, 'lt'), {});
/** y = [a ≤ b] as 1/0 (concepts §2). */
export const le = (a: TensorLike, b: TensorLike) => leOp.apply(asPair(a, b, 'le'), {});
/** y = [a > b] as 1/0 (concepts §2). */
export const gt = (a: TensorLike, b: TensorLike) => gtOp.apply(asPair(a, b, 'gt'), {});
/** y = [a ≥ b] as 1/0 (concepts §2). */
export const ge = (a: TensorLike, b: TensorLike) => geOp.apply(asPair(a, b, 'ge'), {});
