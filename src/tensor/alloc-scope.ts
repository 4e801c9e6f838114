// Records the storages allocated while a scope is open, so that a caller that knows none of them
// escape except the ones it names (the backward pass: only leaf gradients escape) can release
// the rest at once instead of leaving them to eviction or the garbage collector.

import type { Backend, Storage } from '../backend/kernels.js';

let current: { k: Backend; s: Storage }[] | null = null;
/** Storages made long-lived after they were allocated in a scope (a Parameter made from a randn). */
const escaped = new WeakSet<Storage>();

/**
 * Marks `t`'s storage long-lived (a parameter, a buffer, `{ longLived: true }`): pinned by its
 * backend and never released by an enclosing scope, wherever it was allocated.
 */
export function keepAlive(t: { storage: Storage; backend: Backend; longLived: boolean }): void {
  t.longLived = true;
  t.backend.pin(t.storage);
  escaped.add(t.storage);
}

/** Called for every storage a tensor op or constant allocates. */
export function trackAlloc(k: Backend, s: Storage): void {
  if (current !== null) current.push({ k, s });
}

/**
 * Runs `fn`, then frees every storage allocated during it except those `keep` returns (computed
 * after fn). In a nested scope the kept storages pass to the enclosing scope, which decides on
 * them in turn.
 */
export function withAllocScope<T>(fn: () => T, keep: (result: T) => Iterable<Storage>): T {
  const outer = current;
  const allocated: { k: Backend; s: Storage }[] = [];
  current = allocated;
  let result: T;
  try {
    result = fn();
  } finally {
    current = outer;
  }
  const kept = new Set<Storage>(keep(result));
  for (const a of allocated) {
    if (!kept.has(a.s) && !escaped.has(a.s)) a.k.free(a.s);
    else if (outer !== null) outer.push(a);
  }
  return result;
}

/**
 * Runs `fn` outside every scope: what it allocates is never released by an enclosing scope (a
 * leaf's gradient buffer, which escapes to the user whatever scope the backward ran in).
 */
export function untracked<T>(fn: () => T): T {
  const outer = current;
  current = null;
  try {
    return fn();
  } finally {
    current = outer;
  }
}
