// Which backend new tensors go to. Backends register by name; `js` is always there.

import { BackendError } from '../core/errors.js';
import type { Backend } from './kernels.js';
import { jsBackend } from './js/js-backend.js';

const backends = new Map<string, Backend>([['js', jsBackend]]);
/** Null until first use: then the preferred backend that loads (see `preferBackend`). */
let current: Backend | null = null;
let preferred: string[] = ['js'];
let fallbackNote: string | null = null;

/** Backends built on first use (the wasm backend compiles its module then). */
const lazy = new Map<string, () => Backend>();

/** Makes a backend available by its name to getBackend/setBackend (SPEC §2). */
export function registerBackend(b: Backend): void {
  backends.set(b.name, b);
  lazy.delete(b.name);
}

/** Registers `name` to be built by `make` the first time it is asked for. */
export function registerLazyBackend(name: string, make: () => Backend): void {
  if (!backends.has(name)) lazy.set(name, make);
}

/**
 * Sets the order in which the default backend is chosen on first use (the wasm entry puts 'wasm'
 * first in Node). A preferred backend that fails to load is skipped with a one-line notice on
 * stderr — never silently.
 */
export function preferBackend(names: string[]): void {
  preferred = [...names, 'js'];
}

function resolveDefault(): Backend {
  for (const name of preferred) {
    try {
      return getBackend(name);
    } catch (e) {
      if (name === 'js') throw e;
      fallbackNote = `nabla: the ${name} backend did not load (${(e as Error).message.split('\n')[0]}); using js`;
      console.warn(fallbackNote);
    }
  }
  return jsBackend;
}

/** Why the default is not the preferred backend, or null. */
export function backendFallbackNote(): string | null {
  return fallbackNote;
}

/** The backend called `name`, or the default one (chosen on first use) (SPEC §2). */
export function getBackend(name?: string): Backend {
  if (name === undefined) return (current ??= resolveDefault());
  const make = lazy.get(name);
  if (make) registerBackend(make());
  const b = backends.get(name);
  if (!b) {
    throw new BackendError('setBackend', `unknown backend '${name}'`, {
      note: `registered: ${[...backends.keys()].join(', ')}`,
    });
  }
  return b;
}

/** Makes `name` the backend of every tensor created from now on (SPEC §2). */
export function setBackend(name: string): Backend {
  current = getBackend(name);
  return current;
}

/** Names of the registered backends, including ones built on first use (SPEC §2). */
export function listBackends(): string[] {
  return [...backends.keys(), ...lazy.keys()];
}
