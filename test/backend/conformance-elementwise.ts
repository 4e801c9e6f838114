// Conformance cases of the element-wise families: fill, unary, binary (broadcast strides),
// where, copyStrided and cast. The op ids are the ops' own (their `scalar` is the reference).

import type { DType } from '../../src/core/dtype.js';
import { broadcastShapes, broadcastStrides, collapseDims, sizeOf, stridesOf } from '../../src/core/shape.js';
import { jsBackend } from '../../src/backend/js/js-backend.js';
import type { Backend, BinaryOpId, UnaryOpId } from '../../src/backend/kernels.js';
import { negOp } from '../../src/ops/neg.js';
import { expOp } from '../../src/ops/exp.js';
import { logOp } from '../../src/ops/log.js';
import { sqrtOp } from '../../src/ops/sqrt.js';
import { absOp } from '../../src/ops/abs.js';
import { reciprocalOp } from '../../src/ops/reciprocal.js';
import { reluOp } from '../../src/ops/relu.js';
import { sigmoidOp } from '../../src/ops/sigmoid.js';
import { tanhOp } from '../../src/ops/tanh.js';
import { signOp } from '../../src/ops/sign.js';
import { addOp } from '../../src/ops/add.js';
import { subOp } from '../../src/ops/sub.js';
import { mulOp } from '../../src/ops/mul.js';
import { divOp } from '../../src/ops/div.js';
import { maximumOp } from '../../src/ops/maximum.js';
import { minimumOp } from '../../src/ops/minimum.js';
import { powOp } from '../../src/ops/pow.js';
import { eqOp, geOp, gtOp, leOp, ltOp, neOp } from '../../src/ops/compare.js';
import { reluBackwardOp } from '../../src/ops/relu-backward.js';
import { sigmoidBackwardOp } from '../../src/ops/sigmoid-backward.js';
import { tanhBackwardOp } from '../../src/ops/tanh-backward.js';
import type { ConformanceCase } from './conformance.js';
import { SHAPES, SIZES, data, expectClose, out, pair, strided } from './conformance-helpers.js';

/** The unary ops with a kernel in some backend; test/backend/op-ids.test.ts ties them to the wasm op ids. */
export const UNARY: UnaryOpId[] = [negOp, expOp, logOp, sqrtOp, absOp, reciprocalOp, reluOp, sigmoidOp, tanhOp, signOp]
  .map((o) => o.id);
/** An op id no backend has a kernel for: must run through its scalar (the fallback path). */
const CUBE: UnaryOpId = { id: 'conformanceCube', scalar: (x) => x * x * x };
/** The binary ops with a kernel in some backend (tied to the wasm op ids as UNARY is). */
export const BINARY: BinaryOpId[] = [addOp, subOp, mulOp, divOp, maximumOp, minimumOp, powOp, eqOp, neOp, ltOp, leOp, gtOp, geOp,
  reluBackwardOp, sigmoidBackwardOp, tanhBackwardOp]
  .map((o) => o.id);
const HYPOT: BinaryOpId = { id: 'conformanceHypot', scalar: (a, b) => Math.hypot(a, b) };

const sizesOf = () => [...SIZES.map((n) => [n]), ...SHAPES];
const FLOATS: DType[] = ['float32', 'float64'];

/** Broadcast pairs [a shape, b shape]. */
const BROADCAST: [number[], number[]][] = [
  [[33, 17, 65], [33, 17, 65]], [[33, 17, 65], [65]], [[33, 17, 65], [33, 1, 65]], [[33, 1, 65], [1, 17, 1]],
  [[7], []], [[], [7]], [[], []], [[0, 3], [3]], [[127, 3], [127, 1]], [[2, 3, 4, 5, 6, 7], [3, 1, 5, 1, 7]],
  [[67, 100, 300], [300]],
];

function binaryCase(backend: Backend, op: BinaryOpId, sa: number[], sb: number[], dtype: DType, collapse: boolean) {
  const shape = broadcastShapes('binary', ['a', 'b'], [sa, sb]);
  const strides = [broadcastStrides(sa, shape), broadcastStrides(sb, shape), stridesOf(shape)];
  const c = collapse ? collapseDims(shape, strides) : { shape, strides };
  const lo = op.id === 'pow' ? 0 : -3;
  const a = pair(backend, data(sizeOf(sa), dtype, { lo, edges: true }));
  const bdata = data(sizeOf(sb), dtype, { edges: true });
  if (op.id.length === 2) for (let i = 0; i < bdata.length; i += 3) bdata[i] = Math.round(bdata[i]); // some equal pairs
  const b = pair(backend, bdata);
  const o = out(backend, dtype, sizeOf(shape));
  const A = strided(a, c.strides[0]), B = strided(b, c.strides[1]);
  jsBackend.binary(op, A.js, B.js, o.js, c.shape);
  backend.binary(op, A.b, B.b, o.b, c.shape);
  expectClose(backend, o, `binary ${op.id} ${dtype} [${sa}] ⊕ [${sb}]${collapse ? '' : ' uncollapsed'}`);
}

export function elementwiseCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  cases.push({
    kernel: 'fill', name: 'ragged sizes, edge values, every dtype',
    run(backend) {
      for (const dtype of ['float32', 'float64', 'int32'] as DType[]) {
        for (const n of SIZES) {
          for (const v of dtype === 'int32' ? [0, -5, 2147483647] : [0, 1.5, -Infinity, NaN]) {
            const o = out(backend, dtype, n);
            jsBackend.fill(o.js, v);
            backend.fill(o.b, v);
            expectClose(backend, o, `fill ${dtype} n=${n} ${v}`);
          }
        }
      }
    },
  });
  for (const op of [...UNARY, CUBE]) {
    cases.push({
      kernel: 'unary', name: `${op.id} on ragged shapes with NaN/±Inf`,
      run(backend) {
        for (const dtype of FLOATS) {
          for (const shape of sizesOf()) {
            const n = sizeOf(shape);
            const x = pair(backend, data(n, dtype, { edges: true, lo: op.id === 'exp' ? -90 : -3, hi: op.id === 'exp' ? 89 : 3 }));
            const o = out(backend, dtype, n);
            jsBackend.unary(op, x.js, o.js);
            backend.unary(op, x.b, o.b);
            expectClose(backend, o, `unary ${op.id} ${dtype} [${shape}]`);
          }
        }
      },
    });
  }
  cases.push({
    kernel: 'unary', name: 'neg and abs on int32',
    run(backend) {
      for (const op of [negOp.id, absOp.id]) {
        const x = pair(backend, data(1000, 'int32'));
        const o = out(backend, 'int32', 1000);
        jsBackend.unary(op, x.js, o.js);
        backend.unary(op, x.b, o.b);
        expectClose(backend, o, `unary ${op.id} int32`);
      }
    },
  });
  for (const op of [...BINARY, HYPOT]) {
    cases.push({
      kernel: 'binary', name: `${op.id} with broadcasting, empty dims, NaN/±Inf`,
      run(backend) {
        for (const [sa, sb] of BROADCAST) {
          if (sizeOf(sa) > 100000 && !['add', 'mul', 'maximum'].includes(op.id)) continue;
          binaryCase(backend, op, sa, sb, 'float32', true);
          binaryCase(backend, op, sa, sb, 'float32', false);
        }
        binaryCase(backend, op, [33, 17], [17], 'float64', true);
        binaryCase(backend, op, [33, 17], [33, 1], 'int32', true);
      },
    });
  }
  cases.push({
    kernel: 'binary', name: 'pow by a broadcast exponent 2, 1, −1, 0, 3, 0.5 (the wasm fast forms) with NaN/±Inf',
    run(backend) {
      const pow = BINARY.find((op) => op.id === 'pow')!;
      for (const e of [2, 1, -1, 0, 3, 0.5]) {
        const a = pair(backend, data(67, 'float32', { lo: -3, edges: true }));
        const b = pair(backend, new Float32Array([e]));
        const o = out(backend, 'float32', 67);
        const A = strided(a, [1]), B = strided(b, [0]);
        jsBackend.binary(pow, A.js, B.js, o.js, [67]);
        backend.binary(pow, A.b, B.b, o.b, [67]);
        expectClose(backend, o, `binary pow float32 [67] ^ ${e}`);
      }
    },
  });
  return [...cases, ...moreCases()];
}

function moreCases(): ConformanceCase[] {
  return [
    {
      kernel: 'where', name: 'broadcast cond/a/b, float and int32 conditions',
      run(backend) {
        for (const [condDtype, dtype] of [['float32', 'float32'], ['int32', 'float32'], ['float32', 'float64']] as DType[][]) {
          for (const [sc, sa, sb] of [[[33, 17], [33, 17], [33, 17]], [[33, 1], [17], []], [[0, 3], [3], [0, 3]], [[], [], []], [[5, 7, 9], [7, 1], [5, 1, 9]]]) {
            const shape = broadcastShapes('where', ['cond', 'a', 'b'], [sc, sa, sb]);
            const cd = data(sizeOf(sc), condDtype).map((v) => (v > 0 ? 0 : v));
            const c = pair(backend, cd), a = pair(backend, data(sizeOf(sa), dtype, { edges: true }));
            const b = pair(backend, data(sizeOf(sb), dtype));
            const o = out(backend, dtype, sizeOf(shape));
            const [C, A, B] = [[c, sc], [a, sa], [b, sb]].map(([p, s]) => strided(p as never, broadcastStrides(s as number[], shape)));
            jsBackend.where(C.js, A.js, B.js, o.js, shape);
            backend.where(C.b, A.b, B.b, o.b, shape);
            expectClose(backend, o, `where ${condDtype}/${dtype} [${sc}] [${sa}] [${sb}]`);
          }
        }
      },
    },
    {
      kernel: 'copyStrided', name: 'permutes, offsets and expands, every dtype',
      run(backend) {
        for (const dtype of ['float32', 'float64', 'int32'] as DType[]) {
          for (const [shape, perm] of [[[33, 17, 65], [2, 0, 1]], [[7], [0]], [[], []], [[0, 3], [1, 0]], [[4, 5, 6, 7], [3, 1, 2, 0]]] as number[][][]) {
            const n = sizeOf(shape);
            const x = pair(backend, data(n + 5, dtype, { edges: true }));
            const st = stridesOf(shape);
            const pshape = perm.map((p) => shape[p]);
            const o = out(backend, dtype, n + 2);
            const X = strided(x, perm.map((p) => st[p]), 5), O = strided(o, stridesOf(pshape), 2);
            jsBackend.copyStrided(X.js, O.js, pshape);
            backend.copyStrided(X.b, O.b, pshape);
            expectClose(backend, o, `copyStrided ${dtype} [${shape}] perm ${perm}`);
          }
          const x = pair(backend, data(17, dtype)); // expand [17] → [9, 17]
          const o = out(backend, dtype, 9 * 17);
          const X = strided(x, [0, 1]), O = strided(o, [17, 1]);
          jsBackend.copyStrided(X.js, O.js, [9, 17]);
          backend.copyStrided(X.b, O.b, [9, 17]);
          expectClose(backend, o, `copyStrided expand ${dtype}`);
        }
      },
    },
    {
      kernel: 'cast', name: 'every dtype pair, with truncation and edges',
      run(backend) {
        const all: DType[] = ['float32', 'float64', 'int32'];
        for (const from of [...all, 'uint8'] as DType[]) {
          for (const to of all) {
            for (const n of SIZES) {
              const src = data(n, from, { lo: -1e3, hi: 1e3, edges: to !== 'int32' });
              const x = pair(backend, src);
              const o = out(backend, to, n);
              jsBackend.cast(x.js, o.js);
              backend.cast(x.b, o.b);
              expectClose(backend, o, `cast ${from}→${to} n=${n}`);
            }
          }
        }
      },
    },
  ];
}
