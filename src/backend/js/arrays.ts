// Reference kernels over plain typed arrays: correct before fast; speed work belongs in wasm/.
// The wasm backend reuses these as its declared fallback, on views of its own memory.

import type { TypedArray } from '../../core/dtype.js';
import type { AdamParams, BinaryOpId, MatmulParams, ReduceOp, SgdParams, UnaryOpId } from '../kernels.js';

export interface StridedArray {
  readonly a: TypedArray;
  readonly offset: number;
  readonly strides: readonly number[];
}

export function fillArray(out: TypedArray, value: number): void {
  out.fill(value);
}

export function unaryArray(op: UnaryOpId, x: TypedArray, out: TypedArray): void {
  const f = op.scalar;
  for (let i = 0; i < out.length; i++) out[i] = f(x[i]);
}

/**
 * Walks the multi-index over `shape` and calls `body(outIndex, off0, off1, off2)` with the
 * element offsets of up to three strided operands. Row-major order.
 */
function walk(
  shape: readonly number[],
  ops: readonly { offset: number; strides: readonly number[] }[],
  body: (i: number, o0: number, o1: number, o2: number) => void,
): void {
  const rank = shape.length;
  const n = shape.reduce((p, d) => p * d, 1);
  if (n === 0) return;
  const o = ops.map((x) => x.offset);
  while (o.length < 3) o.push(0);
  const st = ops.map((x) => x.strides);
  while (st.length < 3) st.push(new Array(rank).fill(0));
  if (rank === 0) {
    body(0, o[0], o[1], o[2]);
    return;
  }
  const idx = new Array<number>(rank).fill(0);
  const last = rank - 1;
  const d = shape[last];
  const s0 = st[0][last], s1 = st[1][last], s2 = st[2][last];
  let i = 0;
  for (;;) {
    let p0 = o[0], p1 = o[1], p2 = o[2];
    for (let j = 0; j < d; j++) {
      body(i++, p0, p1, p2);
      p0 += s0;
      p1 += s1;
      p2 += s2;
    }
    // carry into the outer dims
    let k = last - 1;
    for (; k >= 0; k--) {
      idx[k]++;
      o[0] += st[0][k];
      o[1] += st[1][k];
      o[2] += st[2][k];
      if (idx[k] < shape[k]) break;
      o[0] -= st[0][k] * shape[k];
      o[1] -= st[1][k] * shape[k];
      o[2] -= st[2][k] * shape[k];
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

export function binaryArray(
  op: BinaryOpId,
  a: StridedArray,
  b: StridedArray,
  out: TypedArray,
  shape: readonly number[],
): void {
  const f = op.scalar;
  const x = a.a, y = b.a;
  walk(shape, [a, b], (i, p, q) => {
    out[i] = f(x[p], y[q]);
  });
}

export function whereArray(
  cond: StridedArray,
  a: StridedArray,
  b: StridedArray,
  out: TypedArray,
  shape: readonly number[],
): void {
  const c = cond.a, x = a.a, y = b.a;
  walk(shape, [cond, a, b], (i, p, q, r) => {
    out[i] = c[p] !== 0 ? x[q] : y[r];
  });
}

export function copyStridedArray(x: StridedArray, out: StridedArray, shape: readonly number[]): void {
  const src = x.a, dst = out.a;
  walk(shape, [x, out], (_i, p, q) => {
    dst[q] = src[p];
  });
}

export function reduceArray(
  op: ReduceOp,
  x: TypedArray,
  out: TypedArray,
  outer: number,
  r: number,
  inner: number,
): void {
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * r * inner + j;
      let acc: number;
      if (op === 'sum') {
        acc = 0;
        for (let k = 0; k < r; k++) acc += x[base + k * inner];
      } else if (op === 'max' || op === 'min') {
        const isMax = op === 'max';
        acc = isMax ? -Infinity : Infinity;
        for (let k = 0; k < r; k++) {
          const v = x[base + k * inner];
          if (v !== v) {
            acc = NaN; // NaN propagates, as in PyTorch
            break;
          }
          if (isMax ? v > acc : v < acc) acc = v;
        }
      } else {
        // argmax / argmin: first index of the extreme value; a NaN wins (PyTorch)
        const isMax = op === 'argmax';
        let best = x[base];
        acc = 0;
        for (let k = 1; k < r && best === best; k++) {
          const v = x[base + k * inner];
          if (v !== v || (isMax ? v > best : v < best)) {
            best = v;
            acc = k;
          }
        }
      }
      out[o * inner + j] = acc;
    }
  }
}

/**
 * out = op(A)·op(B) (+ bias). Plain loops ordered so the innermost one reads contiguous memory
 * (i-k-j for A·B, dot products of rows for A·Bᵀ, rank-1 updates for Aᵀ·B); float64 accumulators.
 */
export function matmulArray(a: TypedArray, b: TypedArray, out: TypedArray, p: MatmulParams, bias?: TypedArray) {
  const { batch, m, n, k, transA, transB, aBatchStride, bBatchStride } = p;
  const acc = new Float64Array(m * n);
  for (let t = 0; t < batch; t++) {
    const ao = t * aBatchStride, bo = t * bBatchStride, oo = t * m * n;
    acc.fill(0);
    if (!transA && transB) {
      for (let i = 0; i < m; i++) {
        const ar = ao + i * k;
        for (let j = 0; j < n; j++) {
          const br = bo + j * k;
          let s = 0;
          for (let q = 0; q < k; q++) s += a[ar + q] * b[br + q];
          acc[i * n + j] = s;
        }
      }
    } else if (!transB) {
      // A·B (i-k-j) and Aᵀ·B (k-i-j): acc[i, :] += A[i, q]·B[q, :]. A zero A[i, q] is not
      // skipped: 0·Inf and 0·NaN are NaN, as in PyTorch (torch.mm([[0, 1]], [[inf, 2], [1, 1]])
      // is [[nan, 1]]); skipping them hid a NaN the other backends and PyTorch report
      for (let q = 0; q < k; q++) {
        const br = bo + q * n;
        for (let i = 0; i < m; i++) {
          const av = transA ? a[ao + q * m + i] : a[ao + i * k + q];
          const r = i * n;
          for (let j = 0; j < n; j++) acc[r + j] += av * b[br + j];
        }
      }
    } else {
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let q = 0; q < k; q++) s += a[ao + q * m + i] * b[bo + j * k + q];
          acc[i * n + j] = s;
        }
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const v = acc[i * n + j] + (bias ? bias[j] : 0);
        const o = oo + i * n + j;
        out[o] = p.accumulate ? out[o] + v : v;
      }
    }
  }
}

export function castArray(x: TypedArray, out: TypedArray): void {
  if (out instanceof Int32Array && !(x instanceof Int32Array)) {
    for (let i = 0; i < out.length; i++) out[i] = Math.trunc(x[i]);
  } else out.set(x);
}

export function gatherRowsArray(x: TypedArray, idx: TypedArray, rowSize: number, out: TypedArray) {
  for (let i = 0; i < idx.length; i++) {
    const s = idx[i] * rowSize;
    out.set(x.subarray(s, s + rowSize), i * rowSize);
  }
}

/** softmax(x)_j = e^{x_j − max} / Σ e^{x − max}; log-softmax = x_j − max − log Σ e^{x − max}. */
export function softmaxArray(x: TypedArray, out: TypedArray, rows: number, cols: number, log: boolean) {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let mx = -Infinity;
    for (let j = 0; j < cols; j++) if (x[o + j] > mx) mx = x[o + j];
    let s = 0;
    for (let j = 0; j < cols; j++) s += Math.exp(x[o + j] - mx);
    if (log) {
      const ls = Math.log(s);
      for (let j = 0; j < cols; j++) out[o + j] = x[o + j] - mx - ls;
    } else for (let j = 0; j < cols; j++) out[o + j] = Math.exp(x[o + j] - mx) / s;
  }
}

export function pickArray(x: TypedArray, index: TypedArray, out: TypedArray, rows: number, cols: number) {
  for (let r = 0; r < rows; r++) out[r] = x[r * cols + index[r]];
}

/** dx[i, j] = (p[i, j] − [j = index[i]]) · scale[i] : the fused (p − y)/N backward. */
export function softmaxXentBackwardArray(
  p: TypedArray, index: TypedArray, scale: TypedArray, dx: TypedArray, rows: number, cols: number,
) {
  for (let r = 0; r < rows; r++) {
    const o = r * cols, s = scale[r], y = index[r];
    for (let j = 0; j < cols; j++) dx[o + j] = (p[o + j] - (j === y ? 1 : 0)) * s;
  }
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1; weight decay as in torch.optim.Adam, L2 added to g):
 *   g ← g + λθ;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²
 *   m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ);  θ ← θ − lr·m̂/(√v̂ + ε)
 */
export function adamArray(
  theta: TypedArray, grad: TypedArray, m: TypedArray, v: TypedArray, p: AdamParams,
): void {
  const { lr, beta1, beta2, eps, weightDecay, step } = p;
  const bc1 = 1 - Math.pow(beta1, step);
  const bc2 = 1 - Math.pow(beta2, step);
  for (let i = 0; i < theta.length; i++) {
    const g = grad[i] + weightDecay * theta[i];
    m[i] = beta1 * m[i] + (1 - beta1) * g;
    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
    const mHat = m[i] / bc1;
    const vHat = v[i] / bc2;
    theta[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
  }
}

/**
 * SGD as torch.optim.SGD: g ← g + λθ; b ← μb + (1−τ)g (b ← g on the first step);
 * g ← g + μb if Nesterov else b; θ ← θ − lr·g.
 */
export function sgdArray(theta: TypedArray, grad: TypedArray, buf: TypedArray | null, p: SgdParams) {
  const { lr, momentum, dampening, nesterov, weightDecay, firstStep } = p;
  for (let i = 0; i < theta.length; i++) {
    let g = grad[i] + weightDecay * theta[i];
    if (buf && momentum !== 0) {
      buf[i] = firstStep ? g : momentum * buf[i] + (1 - dampening) * g;
      g = nesterov ? g + momentum * buf[i] : buf[i];
    }
    theta[i] -= lr * g;
  }
}
