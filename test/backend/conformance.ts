// The backend conformance suite (STYLE §3.3): every kernel family of a backend against the `js`
// reference, on ragged shapes, broadcasting cases and edges (empty dims, NaN, ±Inf).
// Each backend's test file calls runConformance; every skip carries { kernel, reason, issue }.

import { describe, it } from 'node:test';
import type { Backend } from '../../src/backend/kernels.js';
import { elementwiseCases } from './conformance-elementwise.js';
import { edgeCases } from './conformance-edges.js';
import { reseed } from './conformance-helpers.js';
import { otherCases } from './conformance-other.js';

export interface Skip {
  /** Kernel family, or `family:case` for one case. */
  kernel: string;
  reason: string;
  issue: string;
}

export interface ConformanceCase {
  kernel: string;
  name: string;
  run(backend: Backend): void;
}

/** Runs every case against `backend` (`only`: just these kernel families). */
export function runConformance({ backend, skip = [], label, only }: { backend: Backend; skip?: Skip[]; label?: string; only?: string[] }): void {
  const cases = [...elementwiseCases(), ...otherCases(), ...edgeCases()].filter((c) => !only || only.includes(c.kernel));
  describe(`conformance: ${label ?? backend.name} vs js`, () => {
    for (const c of cases) {
      const s = skip.find((k) => k.kernel === c.kernel || k.kernel === `${c.kernel}:${c.name}`);
      const why = s ? `${s.reason} (${s.issue})` : false;
      // the same data for every configuration of a case, whatever ran before it
      it(`${c.kernel}: ${c.name}`, { skip: why }, () => {
        reseed(hash(`${c.kernel}: ${c.name}`));
        c.run(backend);
      });
    }
  });
}

/** FNV-1a of a case's title: its data seed, the same whichever cases run with it. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
