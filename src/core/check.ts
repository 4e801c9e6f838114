// Argument checks shared by the public functions (docs/design.md §7): each failure renders
// `fn: <arg> must be <rule>; got <value> (<type>)` through the error classes, before any state
// changes. Values print as JS-ish literals (describe). Checks on hot paths are typeof tests only.

import { ArgumentError, DTypeError, NablaError, describe, isTensorLike, literal } from './errors.js';
import { isFloat, type DType } from './dtype.js';

export { describe, literal };

type ErrorClass = new (op: string, rule: string, details: Record<string, unknown>, hint?: string) => NablaError;

/** The error `op: rule; got <value> (<type>)` (and a hint line), of class `cls`. */
export function badArg(op: string, rule: string, value: unknown, hint?: string, cls: ErrorClass = ArgumentError): NablaError {
  return new cls(op, rule, { value, got: [[describe(value)]] }, hint);
}

/** An integer (safe) at least `min`; `arg` as the message names it. */
export function checkInt(op: string, arg: string, v: unknown, min = -Infinity): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    const rule = min === 0 ? 'a non-negative integer' : min === 1 ? 'a positive integer' : min > -Infinity ? `an integer ≥ ${min}` : 'an integer';
    throw badArg(op, `${arg} must be ${rule}`, v);
  }
  return v;
}

export interface NumberRule {
  /** Lowest allowed value (inclusive unless `above`). */
  min?: number;
  /** The value must be greater than `min`. */
  above?: boolean;
  /** Highest allowed value (exclusive when `below`). */
  max?: number;
  below?: boolean;
  /** Allow ±Infinity (never NaN). Default false: finite only. */
  infinite?: boolean;
  /** How the message names `min` when it is another argument: `≥ low (1)`. */
  minName?: string;
}

/** A number (finite unless `infinite`) in the rule's range. */
export function checkNumber(op: string, arg: string, v: unknown, r: NumberRule = {}): number {
  const ok = typeof v === 'number' && (r.infinite ? !Number.isNaN(v) : Number.isFinite(v)) &&
    (r.min === undefined || (r.above ? v > r.min : v >= r.min)) &&
    (r.max === undefined || (r.below ? v < r.max : v <= r.max));
  if (!ok) throw badArg(op, `${arg} must be ${numberRule(r)}`, v);
  return v as number;
}

function numberRule(r: NumberRule): string {
  const kind = r.infinite ? 'a number (not NaN)' : 'a finite number';
  const min = r.minName ? `${r.minName} (${r.min})` : r.min;
  if (r.min !== undefined && r.max !== undefined) {
    return `${kind} in ${r.above ? '(' : '['}${min}, ${r.max}${r.below ? ')' : ']'}`;
  }
  if (r.min !== undefined) return `${kind} ${r.above ? '>' : '≥'} ${min}`;
  if (r.max !== undefined) return `${kind} ${r.below ? '<' : '≤'} ${r.max}`;
  return kind;
}

/** true or false. */
export function checkBool(op: string, arg: string, v: unknown, hint?: string): boolean {
  if (v !== true && v !== false) throw badArg(op, `${arg} must be true or false`, v, hint);
  return v;
}

/** A function. */
export function checkFunction(op: string, arg: string, v: unknown): void {
  if (typeof v !== 'function') throw badArg(op, `${arg} must be a function`, v);
}

/** 'a', 'b' or 'c' (strings and numbers print as literals). */
export function listOf(values: readonly unknown[]): string {
  const s = values.map((x) => literal(x));
  return s.length === 1 ? s[0] : `${s.slice(0, -1).join(', ')} or ${s[s.length - 1]}`;
}

/** One of `values`. */
export function checkOneOf<T>(op: string, arg: string, v: unknown, values: readonly T[], hint?: string): T {
  if (!values.includes(v as T)) throw badArg(op, `${arg} must be ${listOf(values)}`, v, hint);
  return v as T;
}

/**
 * An options object (undefined gives {}), holding only `known` keys: a misspelt option is an
 * error with a did-you-mean hint (`requires_grad` → requiresGrad), never silently ignored.
 */
export function checkOptions<T extends object>(op: string, opts: T | undefined, known: readonly string[], arg = 'options'): Partial<T> {
  if (opts === undefined) return {};
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts) || ArrayBuffer.isView(opts) ||
    isTensorLike(opts)) {
    throw badArg(op, `${arg} must be an object`, opts);
  }
  for (const k of Object.keys(opts)) {
    if (known.includes(k)) continue;
    const near = known.find((n) => squash(n) === squash(k));
    throw new ArgumentError(op, `unknown option '${k}'`, { option: k, note: `${arg}: ${known.join(', ')}` },
      near ? `did you mean ${near}?` : undefined);
  }
  return opts;
}

const squash = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');

/** A shape: an array of non-negative integers. */
export function checkShape(op: string, v: unknown, arg = 'shape'): readonly number[] {
  if (!Array.isArray(v) || !v.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    throw badArg(op, `${arg} must be an array of non-negative integers`, v,
      typeof v === 'number' ? `write [${v}] for a 1-D shape` : undefined);
  }
  return v;
}

export const DTYPES = ['float32', 'float64', 'int32', 'uint8'] as const;

const DTYPE_HINTS: Record<string, string> = {
  int64: "nabla has no int64; class labels and indices are 'int32'",
  long: "nabla has no int64; class labels and indices are 'int32'",
  int: "write 'int32'",
  float: "write 'float32'",
  double: "write 'float64'",
  float16: "nabla has no half precision; use 'float32'",
  half: "nabla has no half precision; use 'float32'",
  bfloat16: "nabla has no half precision; use 'float32'",
  bool: "nabla has no bool dtype; masks are 1/0 in 'uint8' or a float dtype",
  cpu: 'nabla has no devices: to() converts the dtype; setBackend chooses where new tensors live',
  cuda: 'nabla has no devices: to() converts the dtype; setBackend chooses where new tensors live',
  int8: "nabla's integer dtypes are 'int32' and 'uint8'",
  int16: "nabla's integer dtypes are 'int32' and 'uint8'",
};

/** One of nabla's dtypes (a DTypeError, with a hint for PyTorch's names). */
export function checkDType<D extends string = (typeof DTYPES)[number]>(op: string, v: unknown, arg = 'dtype'): D {
  if (typeof v === 'string' && (DTYPES as readonly string[]).includes(v)) return v as D;
  const key = typeof v === 'string' ? v.replace(/^torch\./, '') : '';
  const hint = DTYPE_HINTS[key] ?? ((DTYPES as readonly string[]).includes(key) ? `write '${key}'` : undefined);
  throw badArg(op, `${arg} must be ${listOf(DTYPES)}`, v, hint, DTypeError);
}

/** Only floating-point tensors can require grad (PyTorch's rule); checked where the dtype is known. */
export function checkGradDType(op: string, dtype: DType): void {
  if (!isFloat(dtype)) throw new DTypeError(op, 'only floating-point tensors can require grad', { got: [['dtype', dtype]] });
}
