// Which backend new tensors go to. Backends register by name; `js` is always there.

import { BackendError } from '../core/errors.js';
import type { Backend } from './kernels.js';
import { jsBackend } from './js/js-backend.js';

const backends = new Map<string, Backend>([['js', jsBackend]]);
let current: Backend = jsBackend;

export function registerBackend(b: Backend): void {
  backends.set(b.name, b);
}

export function getBackend(name?: string): Backend {
  if (name === undefined) return current;
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
  return [...backends.keys()];
}
