// Errors as data plus one rendered message (STYLE §3.6): every nabla error carries a code, the op
// or module that raised it, and the user's argument names and shapes.

export type ErrorCode =
  | 'shape'
  | 'dtype'
  | 'argument'
  | 'backend'
  | 'data'
  | 'numerical'
  | 'checkpoint'
  | 'memory';

export interface ErrorDetails {
  [key: string]: unknown;
}

/**
 * Base class of every error nabla throws (concepts §2). `message` is rendered from `op`, `rule` and
 * `got` (STYLE §3.6).
 */
export class NablaError extends Error {
  readonly code: ErrorCode;
  readonly op: string;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super(renderMessage(op, rule, details, hint));
    this.code = code;
    this.op = op;
    this.details = details;
    this.name = new.target.name;
  }
}

/** An operand's shape breaks the op's shape rule, e.g. matmul's inner dims (concepts §2). */
export class ShapeError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('shape', op, rule, details, hint);
  }
}
/** An operand's dtype is one the op does not accept (concepts §2). */
export class DTypeError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('dtype', op, rule, details, hint);
  }
}
/** An argument or option outside its allowed values (concepts §2). */
export class ArgumentError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('argument', op, rule, details, hint);
  }
}
/**
 * A backend that is unknown or cannot load, inputs on different backends, or an allocation beyond
 * what the backend's memory can grow to: `zeros: out of WebAssembly memory; asked for 8589934592
 * bytes with 1245184 in use (limit 2147483648 bytes)` — the op that asked, the bytes asked for and
 * in use. Nothing was allocated; existing tensors and later ops keep working (concepts §2).
 */
export class BackendError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('backend', op, rule, details, hint);
  }
}
/** Input data that cannot be read or is malformed, e.g. a bad IDX file (concepts §2, §7). */
export class DataError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('data', op, rule, details, hint);
  }
}
/** A NaN or infinite value where work cannot go on, e.g. a training loss (concepts §2). */
export class NumericalError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('numerical', op, rule, details, hint);
  }
}
/** Saved state that does not fit what it is loaded into (concepts §2). */
export class CheckpointError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('checkpoint', op, rule, details, hint);
  }
}
/** Use of a disposed tensor, whose memory was released (concepts §2). Out of memory: BackendError. */
export class MemoryError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('memory', op, rule, details, hint);
  }
}

/** `(type)` for values whose literal does not name its type; null otherwise. */
function kindOf(v: unknown): string | null {
  if (v === null || v === undefined || typeof v === 'function') return null;
  if (typeof v !== 'object') return typeof v;
  if (Array.isArray(v)) return 'array';
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null ? 'object' : null;
}

export function isTensorLike(v: object): v is { shape: readonly number[]; dtype: string } {
  const t = v as { shape?: unknown; dtype?: unknown; describe?: unknown };
  return Array.isArray(t.shape) && typeof t.dtype === 'string' && typeof t.describe === 'function';
}

const MAX_ITEMS = 6;
const MAX_STRING = 40;

/** A short JS-ish literal: 'a', 3, [1, 2], { dim: 1 }, Float32Array(3), Tensor [2, 3] float32. */
export function literal(v: unknown, depth = 2): string {
  switch (typeof v) {
    case 'string': {
      const s = v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
      return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
    }
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return `${v}n`;
    case 'symbol':
    case 'boolean':
    case 'undefined':
      return String(v);
    case 'function': {
      const isClass = /^class[\s{]/.test(Function.prototype.toString.call(v));
      return `${isClass ? 'class' : 'function'} ${v.name || '(anonymous)'}`;
    }
  }
  if (v === null) return 'null';
  const o = v as object;
  if (Array.isArray(o)) {
    if (depth <= 0) return o.length === 0 ? '[]' : '[…]';
    const items: string[] = [];
    for (let i = 0; i < Math.min(o.length, MAX_ITEMS); i++) items.push(literal(o[i], depth - 1));
    if (o.length > MAX_ITEMS) items.push(`… ${o.length - MAX_ITEMS} more`);
    return `[${items.join(', ')}]`;
  }
  if (ArrayBuffer.isView(o)) {
    const n = o instanceof DataView ? o.byteLength : (o as unknown as ArrayLike<number>).length;
    return `${o.constructor.name}(${n})`;
  }
  if (isTensorLike(o)) return `${o.constructor.name} [${o.shape.join(', ')}] ${o.dtype}`;
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) {
    if (o instanceof Map || o instanceof Set) return `${o.constructor.name}(${o.size})`;
    return `${o.constructor?.name ?? 'Object'} object`;
  }
  const keys = Object.keys(o);
  if (keys.length === 0) return '{}';
  if (depth <= 0) return '{…}';
  const parts = keys.slice(0, 4).map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : literal(k)}: ${literal((o as Record<string, unknown>)[k], depth - 1)}`);
  if (keys.length > 4) parts.push('…');
  return `{ ${parts.join(', ')} }`;
}

/** The value as an error message shows it: its literal, then its type where the literal hides it. */
export function describe(v: unknown): string {
  const kind = kindOf(v);
  return kind ? `${literal(v)} (${kind})` : literal(v);
}

/** Shapes print as `[64, 1568]`: brackets, comma and space (never `2,3` or `64x1568`; concepts §2). */
export function formatShape(shape: readonly number[]): string {
  if (!Array.isArray(shape)) {
    throw new ArgumentError('formatShape', 'shape must be an array of numbers', { value: shape, got: [[describe(shape)]] });
  }
  return `[${shape.join(', ')}]`;
}

/**
 * `<op>: <rule>; got <arg> [shape], <arg> [shape] (<extra>)` then an optional `hint:` line.
 * `details.got` is a list of [argName, shape] pairs, or [text] alone (a value the rule already
 * named: `got 'a' (string)`, core/check.ts); `details.note` is the parenthesised extra.
 */
export function renderMessage(op: string, rule: string, details: ErrorDetails, hint?: string) {
  let msg = `${op}: ${rule}`;
  const got = details.got as Array<[string, (readonly number[] | string)?]> | undefined;
  if (got && got.length > 0) {
    const parts = got.map(([name, s]) => (s === undefined ? name : `${name} ${typeof s === 'string' ? s : formatShape(s)}`));
    msg += `; got ${parts.join(' and ')}`;
  }
  if (details.note !== undefined) msg += ` (${String(details.note)})`;
  if (hint) msg += `\nhint: ${hint}`;
  return msg;
}
