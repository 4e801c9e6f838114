// Which backend new tensors go to. Backends register by name; `js` is always there.

import { BackendError } from '../core/errors.js';
import { badArg, listOf } from '../core/check.js';
import type { Backend } from './kernels.js';
import { jsBackend } from './js/js-backend.js';

const backends = new Map<string, Backend>([['js', jsBackend]]);
/** Null until first use: then the preferred backend that loads (see `preferBackend`). */
let current: Backend | null = null;
let preferred: string[] = ['js'];
let fallbackNote: string | null = null;

/** Backends built on first use (the wasm backend compiles its module then). */
const lazy = new Map<string, () => Backend>();

/** Makes a backend available by its name to getBackend/setBackend (concepts §2). */
export function registerBackend(b: Backend): void {
  if (typeof b !== 'object' || b === null || typeof b.name !== 'string' || b.name === '') {
    throw badArg('registerBackend', 'backend must be a Backend object with a name', b);
  }
  const k = b as unknown as Record<string, unknown>, js = jsBackend as unknown as Record<string, unknown>;
  const missing = Object.keys(js).filter((key) => typeof js[key] === 'function' && typeof k[key] !== 'function');
  if (missing.length > 0) {
    throw new BackendError('registerBackend', `backend '${b.name}' must implement every kernel of the contract`, {
      note: `missing: ${missing.join(', ')}`,
    });
  }
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

/** The backend called `name`, or the default one (chosen on first use) (concepts §2). */
export function getBackend(name?: string): Backend {
  return backendNamed('getBackend', name);
}

/**
 * The backend called `name` (the default when undefined); an unknown name is an error naming
 * `op` and every name that would work, the registered and the buildable ones.
 */
export function backendNamed(op: string, name: unknown, arg = 'backend'): Backend {
  if (name === undefined) return (current ??= resolveDefault());
  if (typeof name !== 'string') {
    throw badArg(op, `${arg} must be a backend name (${listOf(listBackends())})`, name);
  }
  const make = lazy.get(name);
  if (make) registerBackend(make());
  const b = backends.get(name);
  if (!b) {
    throw new BackendError(op, `unknown backend '${name}'`, {
      note: `available: ${listBackends().join(', ')}`,
    });
  }
  return b;
}

/** Makes `name` the backend of every tensor created from now on (concepts §2). */
export function setBackend(name: string): Backend {
  current = backendNamed('setBackend', name, 'name');
  return current;
}

/** Names of the registered backends, including ones built on first use (concepts §2). */
export function listBackends(): string[] {
  return [...backends.keys(), ...lazy.keys()];
}
