// Which backend new tensors go to. Backends register by name; `js` is always there.

import { BackendError } from '../core/errors.js';
import type { Backend } from './kernels.js';
import { jsBackend } from './js/js-backend.js';

const backends = new Map<string, Backend>([['js', jsBackend]]);
let current: Backend = jsBackend;

/** Backends built on first use (the wasm backend compiles its module then). */
const lazy = new Map<string, () => Backend>();

export function registerBackend(b: Backend): void {
  backends.set(b.name, b);
  lazy.delete(b.name);
}

/** Registers `name` to be built by `make` the first time it is asked for. */
export function registerLazyBackend(name: string, make: () => Backend): void {
  if (!backends.has(name)) lazy.set(name, make);
}

export function getBackend(name?: string): Backend {
  if (name === undefined) return current;
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

/** Makes `name` the backend of every tensor created from now on. */
export function setBackend(name: string): Backend {
  current = getBackend(name);
  return current;
}

export function listBackends(): string[] {
  return [...backends.keys(), ...lazy.keys()];
}
