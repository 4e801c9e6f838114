// What the wasm backend runs in WebAssembly and what falls back to the js array kernels (on
// views of wasm memory). The table is static; the counters record every fallback call, so a
// benchmark can fail when a hot path ran on a fallback (STYLE §3.2: never silent).

import type { DType } from '../../core/dtype.js';
import { Binary, Unary } from './as/op-ids.js';

/** name → number of an op-ids.ts enum (TypeScript's enum object also maps numbers back to names). */
function idTable(ids: Record<string, string | number>): Readonly<Record<string, number>> {
  const table: Record<string, number> = Object.create(null);
  for (const [name, id] of Object.entries(ids)) if (typeof id === 'number') table[name] = id;
  return Object.freeze(table);
}
/** Unary op ids with a SIMD kernel: op-ids.ts `Unary`, the numbers the kernels switch on. */
export const UNARY_IDS = idTable(Unary);
/** Binary op ids with a SIMD kernel (pow runs per lane through the scalar routine). */
export const BINARY_IDS = idTable(Binary);

export interface CoverageEntry {
  readonly family: string;
  readonly dtype: DType;
  /** Op ids the row covers ('*' = every op id of the family). */
  readonly op: string;
  readonly runsOn: 'wasm' | 'js-fallback';
  readonly note?: string;
}

const F32 = 'float32', F64 = 'float64', I32 = 'int32';
const families = ['fill', 'unary', 'binary', 'where', 'copyStrided', 'reduce', 'matmul', 'cast',
  'gatherRows', 'softmax', 'pick', 'softmaxXentBackward', 'adamStep', 'sgdStep'] as const;

function table(): CoverageEntry[] {
  const rows: CoverageEntry[] = [];
  for (const family of families) {
    if (family === 'unary') {
      rows.push({ family, dtype: F32, op: Object.keys(UNARY_IDS).join(' '), runsOn: 'wasm' });
      rows.push({ family, dtype: F32, op: 'other op ids', runsOn: 'js-fallback', note: 'op.scalar per element' });
    } else if (family === 'binary') {
      rows.push({ family, dtype: F32, op: Object.keys(BINARY_IDS).join(' '), runsOn: 'wasm' });
      rows.push({ family, dtype: F32, op: 'other op ids', runsOn: 'js-fallback', note: 'op.scalar per element' });
    } else if (family === 'reduce') {
      rows.push({ family, dtype: F32, op: 'sum max min argmax argmin', runsOn: 'wasm' });
    } else if (family === 'cast') {
      rows.push({ family, dtype: F32, op: 'float32→float32, int32→float32, int32→int32, uint8→float32', runsOn: 'wasm' });
      rows.push({ family, dtype: F32, op: 'float32→int32', runsOn: 'js-fallback', note: 'Math.trunc wrap semantics' });
    } else if (family === 'copyStrided' || family === 'gatherRows') {
      rows.push({ family, dtype: F32, op: '*', runsOn: 'wasm' });
      rows.push({ family, dtype: I32, op: '*', runsOn: 'wasm' });
    } else rows.push({ family, dtype: F32, op: '*', runsOn: 'wasm' });
    if (family !== 'copyStrided' && family !== 'gatherRows') {
      rows.push({ family, dtype: I32, op: '*', runsOn: 'js-fallback' });
    }
    rows.push({ family, dtype: F64, op: '*', runsOn: 'js-fallback' });
    if (family === 'gatherRows') rows.push({ family, dtype: 'uint8', op: 'rows of 4k bytes', runsOn: 'wasm', note: 'moved as 4-byte words' });
    rows.push({ family, dtype: 'uint8', op: '*', runsOn: 'js-fallback', note: 'raw image bytes: gathered and cast once per batch' });
  }
  return rows;
}

/** The static coverage table of the wasm backend: what runs in wasm, what falls back (concepts §2). */
export function wasmCoverage(): CoverageEntry[] {
  return table();
}

const counts = new Map<string, number>();

/** Counts one fallback call under `family:dtype:op`. */
export function recordFallback(family: string, dtype: DType, op = '*'): void {
  const key = `${family}:${dtype}:${op}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Fallback calls since the last reset, by `family:dtype:op` (concepts §2). */
export function fallbackCounts(): Map<string, number> {
  return new Map(counts);
}

/** Sets every fallback counter back to 0 (concepts §2). */
export function resetFallbackCounts(): void {
  counts.clear();
}
