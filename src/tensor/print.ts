// Human-readable printing of tensors, in PyTorch's layout.

import { formatShape } from '../core/errors.js';
import type { Tensor } from './tensor.js';

const MAX_ITEMS = 6;

export function formatTensor(t: Tensor): string {
  if (t.isDisposed) return `tensor(<disposed>, shape=${formatShape(t.shape)})`;
  const data = t.toTypedArray();
  const fmt = (v: number) => (t.dtype === 'int32' || t.dtype === 'uint8' ? String(v) : formatFloat(v));
  const rec = (dim: number, off: number, indent: string): string => {
    if (dim === t.shape.length) return fmt(data[off]);
    const n = t.shape[dim];
    let stride = 1;
    for (let i = dim + 1; i < t.shape.length; i++) stride *= t.shape[i];
    const idx = n > MAX_ITEMS ? [0, 1, 2, -1, n - 3, n - 2, n - 1] : [...Array(n).keys()];
    const parts = idx.map((i) => (i < 0 ? '...' : rec(dim + 1, off + i * stride, indent + ' ')));
    const sep = dim === t.shape.length - 1 ? ', ' : `,\n${indent} `;
    return `[${parts.join(sep)}]`;
  };
  const extra = [`shape=${formatShape(t.shape)}`];
  if (t.dtype !== 'float32') extra.push(`dtype=${t.dtype}`);
  if (t.requiresGrad) extra.push('requiresGrad=true');
  if (t.gradFn) extra.push(`gradFn=${t.gradFn.opName}`);
  return `tensor(${rec(0, 0, '       ')}, ${extra.join(', ')})`;
}

function formatFloat(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return v.toExponential(4);
  return Number(v.toFixed(4)).toString();
}
