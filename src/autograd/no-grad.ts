// The switch that decides whether ops record themselves for backward.

import { badArg, checkBool, checkFunction } from '../core/check.js';

let enabled = true;

/** Whether ops record themselves for backward now; false inside noGrad (concepts §2). */
export function isGradEnabled(): boolean {
  return enabled;
}

/**
 * Runs `fn` with gradient recording off (torch.no_grad), restoring the previous state after
 * (concepts §2): ops inside build no graph, as for evaluation or a hand-written update.
 * @example
 * const w = tensor([1, 2], { requiresGrad: true });
 * noGrad(() => w.mul(2)).requiresGrad // false
 * w.mul(2).requiresGrad // true
 */
export function noGrad<T>(fn: () => T): T {
  if (typeof fn !== 'function') throw badArg('noGrad', 'fn must be a function', fn, 'write noGrad(() => …)');
  const prev = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = prev;
  }
}

/** Runs `fn` with recording set to `on` (torch.set_grad_enabled as a scope; concepts §2). */
export function withGradEnabled<T>(on: boolean, fn: () => T): T {
  checkBool('withGradEnabled', 'on', on);
  checkFunction('withGradEnabled', 'fn', fn);
  const prev = enabled;
  enabled = on;
  try {
    return fn();
  } finally {
    enabled = prev;
  }
}

/** Sets the flag and returns the previous value (the engine's allocation-free toggle). */
export function setGradEnabled(on: boolean): boolean {
  const prev = enabled;
  enabled = on;
  return prev;
}
