// The switch that decides whether ops record themselves for backward.

let enabled = true;

export function isGradEnabled(): boolean {
  return enabled;
}

/** Runs `fn` with gradient recording off (torch.no_grad), restoring the previous state after. */
export function noGrad<T>(fn: () => T): T {
  const prev = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = prev;
  }
}

/** Runs `fn` with recording set to `on` (torch.set_grad_enabled as a scope). */
export function withGradEnabled<T>(on: boolean, fn: () => T): T {
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
