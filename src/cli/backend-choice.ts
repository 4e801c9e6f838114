// Which backend the CLI uses: the name given, else the default (wasm where it loads, js otherwise),
// and a one-line description of it for the user.

import { availableParallelism } from 'node:os';
import { ArgumentError } from '../core/errors.js';
import { getBackend, setBackend } from '../backend/registry.js';
import { loadWasm } from '../backend/wasm/index.js';

/**
 * Selects `name` (default: the preferred backend) with `threads` worker threads. Refuses a thread
 * count for the js backend (it runs on one thread) and warns on stderr when the count exceeds the
 * cores: the pool's threads then take turns on a core and a step gets many times slower.
 */
export function selectBackend(name?: string, threads?: number, warn: (line: string) => void = console.error): void {
  if (name === 'js' && threads !== undefined) {
    throw new ArgumentError('nabla', '--threads applies to the wasm backend only; the js backend runs on one thread', {
      got: [['--threads', String(threads)]],
    });
  }
  const cores = availableParallelism();
  if (threads !== undefined && threads > cores) {
    warn(`nabla: --threads ${threads} is more than the ${cores} cores here; threads beyond the cores share them and slow every step (use --threads ${cores} or fewer)`);
  }
  if ((name === undefined || name === 'wasm') && threads !== undefined) loadWasm({ threads });
  if (name) setBackend(name);
}

/** `wasm (relaxed SIMD), 2 threads` */
export function describeBackend(): string {
  const b = getBackend() as ReturnType<typeof getBackend> & { variant?: string };
  const variant = b.variant ? ` (${b.variant === 'relaxed' ? 'relaxed SIMD' : 'SIMD'})` : '';
  return `${b.name}${variant}, ${b.threads} thread${b.threads === 1 ? '' : 's'}`;
}
