// Conformance cases aimed at one edge of a kernel each, written after a mutation review of the
// wasm kernels found bugs the broader cases let through: ties of NaNs in arg-reductions, sums
// that need a wide accumulator, element-wise splits of a broadcast row, Adam on sizes the
// threads split unevenly and with ε-sized gradients, exp and tanh where an absolute tolerance
// hides everything, a non-finite value in the last (non-vector) columns of a sparse product's
// dense operand, the sign of zero, and log-softmax of logits far from 0.

import assert from 'node:assert/strict';
import { jsBackend } from '../../src/backend/js/js-backend.js';
import type { MatmulParams, ReduceOp } from '../../src/backend/kernels.js';
import type { DType } from '../../src/core/dtype.js';
import { addOp } from '../../src/ops/add.js';
import { divOp } from '../../src/ops/div.js';
import { subOp } from '../../src/ops/sub.js';
import { absOp } from '../../src/ops/abs.js';
import { expOp } from '../../src/ops/exp.js';
import { negOp } from '../../src/ops/neg.js';
import { sqrtOp } from '../../src/ops/sqrt.js';
import { tanhOp } from '../../src/ops/tanh.js';
import type { ConformanceCase } from './conformance.js';
import { MATMUL_TOL, data, expectClose, out, pair, strided, type Tol } from './conformance-helpers.js';

const FLOATS: DType[] = ['float32', 'float64'];

export function edgeCases(): ConformanceCase[] {
  return [
    {
      kernel: 'reduce', name: 'argmax/argmin: the first of several NaNs wins',
      run(backend) {
        for (const dtype of FLOATS) {
          for (const op of ['argmax', 'argmin'] as ReduceOp[]) {
            for (const [outer, r, inner] of [[1, 9, 1], [2, 9, 3], [3, 33, 5]]) {
              const n = outer * r * inner;
              const x = pair(backend, Float64Array.from({ length: n }, (_, i) => (i % 5 === 2 ? NaN : i % 7)), dtype);
              const o = out(backend, 'int32', outer * inner);
              jsBackend.reduce(op, x.js, o.js, outer, r, inner);
              backend.reduce(op, x.b, o.b, outer, r, inner);
              expectClose(backend, o, `${op} ${dtype} [${outer}, ${r}, ${inner}] with NaN ties`);
            }
          }
        }
      },
    },
    {
      kernel: 'reduce', name: 'sum: 2²⁴ + 998 ones − 2²⁴ needs a wider accumulator than float32',
      run(backend) {
        for (const [outer, r, inner] of [[1, 1000, 1], [1, 1000, 4], [3, 1000, 5]]) {
          const x = new Float32Array(outer * r * inner).fill(1);
          for (let o = 0; o < outer; o++) {
            for (let j = 0; j < inner; j++) {
              x[o * r * inner + j] = 2 ** 24;
              x[o * r * inner + (r - 1) * inner + j] = -(2 ** 24);
            }
          }
          const xs = pair(backend, x), o = out(backend, 'float32', outer * inner);
          jsBackend.reduce('sum', xs.js, o.js, outer, r, inner);
          backend.reduce('sum', xs.b, o.b, outer, r, inner);
          expectClose(backend, o, `sum [${outer}, ${r}, ${inner}]`, { rtol: 0, atol: 0 });
          assert.equal(backend.read(o.b)[0], r - 2);
        }
      },
    },
    {
      kernel: 'binary', name: 'a scalar broadcast over one long row, either side (threads split the row)',
      run(backend) {
        for (const op of [addOp.id, subOp.id, divOp.id]) {
          for (const n of [1003, 4099]) {
            const s = pair(backend, new Float32Array([2.5])), v = pair(backend, data(n, 'float32', { edges: true }));
            for (const scalarFirst of [true, false]) {
              const o = out(backend, 'float32', n);
              const [A, B] = scalarFirst ? [strided(s, [0]), strided(v, [1])] : [strided(v, [1]), strided(s, [0])];
              jsBackend.binary(op, A.js, B.js, o.js, [n]);
              backend.binary(op, A.b, B.b, o.b, [n]);
              expectClose(backend, o, `binary ${op.id} n=${n} ${scalarFirst ? 'scalar ⊕ row' : 'row ⊕ scalar'}`);
            }
          }
        }
      },
    },
    {
      kernel: 'adamStep', name: 'sizes not a multiple of 4 split over threads; gradients of the size of ε',
      run(backend) {
        for (const dtype of FLOATS) {
          for (const [n, scale] of [[1001, 1], [1027, 1], [4099, 1], [1000, 1e-8], [37, 1e-8]]) {
            const th = pair(backend, data(n, dtype)), g = pair(backend, data(n, dtype).map((v) => v * scale));
            const m = pair(backend, new Float64Array(n), dtype), v = pair(backend, new Float64Array(n), dtype);
            for (let step = 1; step <= 2; step++) {
              const p = { lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, step };
              jsBackend.adamStep(th.js, g.js, m.js, v.js, p);
              backend.adamStep(th.b, g.b, m.b, v.b, p);
            }
            // ε-sized gradients: the update is lr·m̂/(√v̂ + ε) with √v̂ ≈ ε, about lr/2; with ε
            // inside the root it would be ~10⁻⁶, far outside the tolerance
            expectClose(backend, th, `adam param ${dtype} n=${n} grad×${scale}`);
            // m and v are as small as the gradients: relative error only
            for (const [st, what] of [[m, 'm'], [v, 'v']] as const) expectClose(backend, st, `adam ${what} ${dtype} n=${n} grad×${scale}`, { rtol: 1e-5, atol: 0 });
          }
        }
      },
    },
    {
      kernel: 'sgdStep', name: 'sizes not a multiple of 4 split over threads, with and without momentum',
      run(backend) {
        for (const dtype of FLOATS) {
          for (const n of [1001, 1027, 4099]) {
            for (const momentum of [0, 0.9]) {
              const th = pair(backend, data(n, dtype)), g = pair(backend, data(n, dtype));
              const buf = momentum ? pair(backend, new Float64Array(n), dtype) : null;
              for (let step = 1; step <= 2; step++) {
                const p = { lr: 0.1, momentum, dampening: 0.1, nesterov: step === 2, weightDecay: 1e-3, firstStep: step === 1 };
                jsBackend.sgdStep(th.js, g.js, buf?.js ?? null, p);
                backend.sgdStep(th.b, g.b, buf?.b ?? null, p);
              }
              expectClose(backend, th, `sgd param ${dtype} n=${n} momentum ${momentum}`);
              if (buf) expectClose(backend, buf, `sgd buf ${dtype} n=${n}`);
            }
          }
        }
      },
    },
    {
      kernel: 'unary', name: 'exp to subnormal results and tanh of small |x|, relative error only',
      run(backend) {
        // exp: ≤ 2 ulp down to 2⁻¹²⁶, then the subnormals' own spacing (1.4e-45); tanh ≤ 2 ulp
        const cases: [typeof expOp.id, Float32Array, Tol][] = [
          [expOp.id, Float32Array.from({ length: 203 }, (_, i) => -103 + i * 0.1), { rtol: 1e-6, atol: 3e-45 }],
          [tanhOp.id, Float32Array.from({ length: 600 }, (_, i) => (i % 2 ? -1 : 1) * (0.05 + i * 0.0002)), { rtol: 4e-7, atol: 0 }],
          [tanhOp.id, Float32Array.from({ length: 61 }, (_, i) => (i - 30) * 0.3), { rtol: 4e-7, atol: 0 }],
        ];
        for (const [op, x, tol] of cases) {
          const xs = pair(backend, x), o = out(backend, 'float32', x.length);
          jsBackend.unary(op, xs.js, o.js);
          backend.unary(op, xs.b, o.b);
          expectClose(backend, o, `unary ${op.id} [${x[0]}, ${x[x.length - 1]}]`, tol);
        }
      },
    },
    {
      kernel: 'unary', name: 'the sign of zero: f(−0) and f(+0) as PyTorch gives them',
      run(backend) {
        for (const op of [negOp.id, absOp.id, sqrtOp.id, tanhOp.id]) {
          for (const n of [1, 5, 8]) {
            const x = pair(backend, Float32Array.from({ length: n }, (_, i) => (i % 2 ? 0 : -0)));
            const o = out(backend, 'float32', n);
            jsBackend.unary(op, x.js, o.js);
            backend.unary(op, x.b, o.b);
            expectClose(backend, o, `unary ${op.id} of ±0, n=${n}`, { rtol: 0, atol: 0, zeroSign: true });
          }
        }
      },
    },
    {
      kernel: 'softmax', name: 'log-softmax of logits far from 0: (x − max) − log Σ, not x − (max + log Σ)',
      run(backend) {
        // rows around ±1e4 and 3e5: rounding max + log Σ to float32 first erred by u·|max| in
        // every output (2.6e-4 at 1e4, 20× the tolerance); found by test/property/softmax.test.ts
        for (const offset of [1e4, -1e4, 3e5]) {
          for (const cols of [1, 3, 4, 7, 33]) {
            const rows = 3;
            const x = data(rows * cols, 'float32', { lo: -4, hi: 4 }).map((v) => v + offset);
            const xs = pair(backend, x), o = out(backend, 'float32', rows * cols);
            jsBackend.softmax(xs.js, o.js, rows, cols, true);
            backend.softmax(xs.b, o.b, rows, cols, true);
            expectClose(backend, o, `log-softmax, logits ${offset} ± 4, cols=${cols}`);
          }
        }
      },
    },
    {
      kernel: 'matmul', name: 'sparse path: a non-finite value in the last columns (k mod 4 ≠ 0) of the dense operand',
      run(backend) {
        const [m, k, n] = [64, 402, 40];
        for (const bad of [Infinity, -Infinity, NaN]) {
          for (const accumulate of [false, true]) {
            const av = new Float32Array(m * k);
            for (let i = 0; i < av.length; i += 9) av[i] = 1 + (i % 5);
            const bv = data(n * k, 'float32', { lo: -1, hi: 1 });
            bv[5 * k + (k - 1)] = bad; // B [n, k] read transposed: row 5, last column
            const p: MatmulParams = { batch: 1, m, n, k, transA: false, transB: true, aBatchStride: 0, bBatchStride: 0, accumulate };
            const a = pair(backend, av), b = pair(backend, bv), o = out(backend, 'float32', m * n);
            jsBackend.matmul(a.js, b.js, o.js, p);
            backend.matmul(a.b, b.b, o.b, p);
            expectClose(backend, o, `sparse A, B[5, ${k - 1}] = ${bad}, accumulate ${accumulate}`, MATMUL_TOL);
          }
        }
      },
    },
  ];
}
