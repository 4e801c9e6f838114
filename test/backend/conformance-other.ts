// Conformance cases of the non-element-wise families: storage, reduce, matmul, gatherRows,
// softmax, pick, softmaxXentBackward, adamStep and sgdStep.

import assert from 'node:assert/strict';
import type { DType } from '../../src/core/dtype.js';
import { jsBackend } from '../../src/backend/js/js-backend.js';
import type { MatmulParams, ReduceOp } from '../../src/backend/kernels.js';
import { sparseProducts } from '../../src/backend/wasm/sparse-matmul.js';
import type { ConformanceCase } from './conformance.js';
import { MATMUL_TOL, SIZES, data, expectClose, out, pair, rand } from './conformance-helpers.js';

const FLOATS: DType[] = ['float32', 'float64'];
const RAGGED = [1, 3, 17, 33, 65, 127];

export function otherCases(): ConformanceCase[] {
  return [
    {
      kernel: 'storage', name: 'fromArray, read, write, free',
      run(backend) {
        for (const dtype of ['float32', 'float64', 'int32'] as DType[]) {
          for (const n of SIZES) {
            const src = data(n, dtype);
            const s = backend.fromArray(src);
            assert.deepEqual(backend.read(s), src);
            const w = data(n, dtype);
            backend.write(s, w);
            assert.deepEqual(backend.read(s), w);
            backend.free(s);
            backend.free(s);
          }
        }
      },
    },
    {
      kernel: 'reduce', name: 'sum/max/min/argmax/argmin over [outer, r, inner] with NaN/±Inf',
      run(backend) {
        const ops: ReduceOp[] = ['sum', 'max', 'min', 'argmax', 'argmin'];
        const dims = [[1, 1, 1], [1, 1000, 1], [3, 17, 1], [1, 33, 65], [7, 65, 3], [33, 17, 65], [2, 0, 3], [0, 4, 5], [5, 127, 9]];
        for (const dtype of FLOATS) {
          for (const op of ops) {
            for (const [outer, r, inner] of dims) {
              const edges = rand() > 0;
              const x = pair(backend, data(outer * r * inner, dtype, { edges }));
              const od = op.startsWith('arg') ? 'int32' : dtype;
              const o = out(backend, od, outer * inner);
              jsBackend.reduce(op, x.js, o.js, outer, r, inner);
              backend.reduce(op, x.b, o.b, outer, r, inner);
              expectClose(backend, o, `reduce ${op} ${dtype} [${outer}, ${r}, ${inner}]`);
            }
          }
        }
      },
    },
    {
      kernel: 'matmul', name: 'batched, transposed, bias, accumulate, ragged sizes',
      run(backend) {
        const shapes = [[1, 1, 1], [3, 17, 33], [33, 17, 65], [65, 127, 3], [67, 100, 300], [128, 300, 10], [5, 0, 7], [0, 4, 6], [4, 5, 0], [257, 9, 513], [6, 70, 1100], [9, 13, 7], [17, 40, 70], [3, 5, 13]];
        for (const dtype of FLOATS) {
          for (const [m, k, n] of shapes) {
            for (const [transA, transB, bias, accumulate, batch] of [
              [false, false, false, false, 1], [true, false, true, false, 1], [false, true, false, true, 2], [true, true, true, true, 3],
            ] as [boolean, boolean, boolean, boolean, number][]) {
              if (m * n * k > 1e6 && batch > 1) continue;
              const bBroadcast = batch === 3;
              const p: MatmulParams = { batch, m, n, k, transA, transB, aBatchStride: m * k, bBatchStride: bBroadcast ? 0 : k * n, accumulate };
              const a = pair(backend, data(batch * m * k, dtype, { lo: -1, hi: 1 }));
              const b = pair(backend, data((bBroadcast ? 1 : batch) * k * n, dtype, { lo: -1, hi: 1 }));
              const o = out(backend, dtype, batch * m * n);
              const bi = bias ? pair(backend, data(n, dtype)) : null;
              jsBackend.matmul(a.js, b.js, o.js, { ...p, bias: bi?.js });
              backend.matmul(a.b, b.b, o.b, { ...p, bias: bi?.b });
              expectClose(backend, o, `matmul ${dtype} m=${m} k=${k} n=${n} ${JSON.stringify({ transA, transB, bias, accumulate, batch })}`, MATMUL_TOL);
            }
          }
        }
      },
    },
    {
      kernel: 'matmul', name: 'a mostly-zero operand (sparse path), non-finite values, every transpose',
      run(backend) {
        const before = sparseProducts();
        let expectSparse = 0;
        // density 0.15 with −0s; the wasm backend computes these from the nonzeros
        const sparse = (n: number) => {
          const a = data(n, 'float32');
          for (let i = 0; i < n; i++) if (rand(0, 1) > 0.15) a[i] = i % 5 === 0 ? -0 : 0;
          return a;
        };
        for (const [m, k, n, which] of [[128, 200, 40, 'A'], [40, 160, 130, 'B'], [65, 300, 70, 'A'], [33, 512, 97, 'B']] as [number, number, number, string][]) {
          for (const [transA, transB, bias, accumulate] of [
            [false, false, true, false], [true, false, false, true], [false, true, true, true], [true, true, false, false],
          ] as boolean[][]) {
            // clean, a NaN in the sparse operand, an Inf / a NaN in the dense one (dense path)
            for (const poison of ['none', 'sparse NaN', 'dense Inf', 'dense NaN']) {
              const av = which === 'A' ? sparse(m * k) : data(m * k, 'float32', { lo: -1, hi: 1 });
              const bv = which === 'B' ? sparse(k * n) : data(k * n, 'float32', { lo: -1, hi: 1 });
              const [sp, de] = which === 'A' ? [av, bv] : [bv, av];
              if (poison === 'sparse NaN') sp[sp.findIndex((v) => v !== 0)] = NaN;
              if (poison === 'dense Inf') de[7] = Infinity;
              if (poison === 'dense NaN') de[de.length - 1] = NaN;
              const useBias = bias && which === 'A';
              const p: MatmulParams = { batch: 1, m, n, k, transA, transB, aBatchStride: 0, bBatchStride: 0, accumulate };
              const a = pair(backend, av), b = pair(backend, bv), o = out(backend, 'float32', m * n);
              const bi = useBias ? pair(backend, data(n, 'float32')) : null;
              jsBackend.matmul(a.js, b.js, o.js, { ...p, bias: bi?.js });
              backend.matmul(a.b, b.b, o.b, { ...p, bias: bi?.b });
              expectClose(backend, o, `sparse ${which} m=${m} k=${k} n=${n} ${JSON.stringify({ transA, transB, useBias, accumulate, poison })}`, MATMUL_TOL);
              if (poison === 'none' || poison === 'sparse NaN') expectSparse++;
            }
          }
        }
        // the wasm backends must have taken the sparse path for every clean case (not silently dense)
        if (backend.name.startsWith('wasm')) assert.equal(sparseProducts() - before, expectSparse, 'products computed sparse');
      },
    },
    {
      kernel: 'gatherRows', name: 'rows of ragged widths, repeated indices, every dtype',
      run(backend) {
        for (const dtype of ['float32', 'float64', 'int32', 'uint8'] as DType[]) {
          // uint8 rows of 4k bytes take the word kernel (784 = an MNIST row), others the fallback
          for (const rowSize of dtype === 'uint8' ? [1, 3, 8, 17, 784] : [1, 3, 17, 65]) {
            const rows = 33;
            const x = pair(backend, data(rows * rowSize, dtype));
            const idx = Int32Array.from({ length: 50 }, (_, i) => (i * 7) % rows);
            const ix = pair(backend, idx);
            const o = out(backend, dtype, idx.length * rowSize);
            jsBackend.gatherRows(x.js, ix.js, rowSize, o.js);
            backend.gatherRows(x.b, ix.b, rowSize, o.b);
            expectClose(backend, o, `gatherRows ${dtype} rowSize=${rowSize}`);
          }
        }
      },
    },
    {
      kernel: 'softmax', name: 'softmax and log-softmax rows, large logits, NaN/±Inf rows',
      run(backend) {
        for (const dtype of FLOATS) {
          for (const log of [false, true]) {
            for (const cols of [...RAGGED, 1000]) {
              const rows = 5;
              const x = data(rows * cols, dtype, { lo: -20, hi: 20 });
              x[0] = 100; // e¹⁰⁰ overflows float32: only a max-subtracting kernel stays finite
              if (cols > 3) {
                x[cols] = NaN;
                x[2 * cols + 1] = Infinity;
                x[3 * cols + 2] = -Infinity;
              }
              const xs = pair(backend, x);
              const o = out(backend, dtype, rows * cols);
              jsBackend.softmax(xs.js, o.js, rows, cols, log);
              backend.softmax(xs.b, o.b, rows, cols, log);
              expectClose(backend, o, `softmax ${dtype} log=${log} cols=${cols}`);
            }
          }
        }
      },
    },
    {
      kernel: 'pick', name: 'one element per row',
      run(backend) {
        for (const dtype of FLOATS) {
          for (const cols of RAGGED) {
            const rows = 40;
            const x = pair(backend, data(rows * cols, dtype, { edges: true }));
            const idx = pair(backend, Int32Array.from({ length: rows }, (_, i) => (i * 5) % cols));
            const o = out(backend, dtype, rows);
            jsBackend.pick(x.js, idx.js, o.js, rows, cols);
            backend.pick(x.b, idx.b, o.b, rows, cols);
            expectClose(backend, o, `pick ${dtype} cols=${cols}`);
          }
        }
      },
    },
    {
      kernel: 'softmaxXentBackward', name: '(p − onehot)·scale on ragged rows',
      run(backend) {
        for (const dtype of FLOATS) {
          for (const cols of [...RAGGED, 1000]) {
            const rows = 9;
            const p = pair(backend, data(rows * cols, dtype, { lo: 0, hi: 1 }));
            const idx = pair(backend, Int32Array.from({ length: rows }, (_, i) => (i * 3) % cols));
            const scale = pair(backend, data(rows, dtype, { lo: 0, hi: 1 }));
            const o = out(backend, dtype, rows * cols);
            jsBackend.softmaxXentBackward(p.js, idx.js, scale.js, o.js, rows, cols);
            backend.softmaxXentBackward(p.b, idx.b, scale.b, o.b, rows, cols);
            expectClose(backend, o, `softmaxXentBackward ${dtype} cols=${cols}`);
          }
        }
      },
    },
    {
      kernel: 'adamStep', name: 'three steps, weight decay, ragged sizes',
      run(backend) {
        for (const dtype of FLOATS) {
          for (const n of SIZES) {
            const th = pair(backend, data(n, dtype)), g = pair(backend, data(n, dtype));
            const m = pair(backend, new Float64Array(n), dtype), v = pair(backend, new Float64Array(n), dtype);
            for (let step = 1; step <= 3; step++) {
              const p = { lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: step === 2 ? 0.01 : 0, step };
              jsBackend.adamStep(th.js, g.js, m.js, v.js, p);
              backend.adamStep(th.b, g.b, m.b, v.b, p);
            }
            for (const [s, what] of [[th, 'param'], [m, 'm'], [v, 'v']] as const) expectClose(backend, s, `adam ${what} ${dtype} n=${n}`);
          }
        }
      },
    },
    {
      kernel: 'sgdStep', name: 'plain, momentum, Nesterov, dampening, weight decay',
      run(backend) {
        const configs = [
          { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 },
          { momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 1e-3 },
          { momentum: 0.9, dampening: 0, nesterov: true, weightDecay: 0 },
          { momentum: 0.5, dampening: 0.1, nesterov: false, weightDecay: 0 },
        ];
        for (const dtype of FLOATS) {
          for (const c of configs) {
            for (const n of SIZES) {
              const th = pair(backend, data(n, dtype)), g = pair(backend, data(n, dtype));
              const buf = c.momentum ? pair(backend, new Float64Array(n), dtype) : null;
              for (let step = 1; step <= 3; step++) {
                const p = { lr: 0.1, ...c, firstStep: step === 1 };
                jsBackend.sgdStep(th.js, g.js, buf?.js ?? null, p);
                backend.sgdStep(th.b, g.b, buf?.b ?? null, p);
              }
              expectClose(backend, th, `sgd param ${dtype} n=${n} ${JSON.stringify(c)}`);
              if (buf) expectClose(backend, buf, `sgd buf ${dtype} n=${n}`);
            }
          }
        }
      },
    },
  ];
}
