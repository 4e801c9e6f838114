// Every area's rows and reasons, merged (a name listed twice is an error in the table itself).
import * as creation from './creation.js';
import * as ops from './ops.js';
import * as methods from './tensor-methods.js';
import * as nn from './nn.js';
import * as optimDataTrain from './optim-data-train.js';
import * as misc from './misc.js';
import * as dataFiles from './data-files.js';
import * as regularize from './regularize.js';
import type { Rows } from './types.js';

export const AREAS = { creation, ops, 'tensor-methods': methods, nn, 'optim-data-train': optimDataTrain, misc, 'data-files': dataFiles, regularize };

function merge<T>(parts: Record<string, T>[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const p of parts) {
    for (const [k, v] of Object.entries(p)) {
      if (k in out) throw new Error(`test/api/rows: '${k}' is listed twice`);
      out[k] = v;
    }
  }
  return out;
}

export const ROWS: Rows = merge(Object.values(AREAS).map((a) => a.rows));
/** Names without rows, each with the reason (no arguments, internal, an error class, …). */
export const REASONS: Record<string, string> = merge(Object.values(AREAS).map((a) => ('reasons' in a ? a.reasons : {})));
