// Which backend the CLI uses: the name given, else the default (wasm where it loads, js otherwise),
// and a one-line description of it for the user.

import { getBackend, setBackend } from '../backend/registry.js';
import { loadWasm } from '../backend/wasm/index.js';

export function selectBackend(name?: string, threads?: number): void {
  if ((name === undefined || name === 'wasm') && threads !== undefined) loadWasm({ threads });
  if (name) setBackend(name);
}

/** `wasm (relaxed SIMD), 2 threads` */
export function describeBackend(): string {
  const b = getBackend() as ReturnType<typeof getBackend> & { variant?: string };
  const variant = b.variant ? ` (${b.variant === 'relaxed' ? 'relaxed SIMD' : 'SIMD'})` : '';
  return `${b.name}${variant}, ${b.threads} thread${b.threads === 1 ? '' : 's'}`;
}
