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
 * Base class of every error nabla throws (SPEC §2). `message` is rendered from `op`, `rule` and
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

/** An operand's shape breaks the op's shape rule, e.g. matmul's inner dims (SPEC §2). */
export class ShapeError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('shape', op, rule, details, hint);
  }
}
/** An operand's dtype is one the op does not accept (SPEC §2). */
export class DTypeError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('dtype', op, rule, details, hint);
  }
}
/** An argument or option outside its allowed values (SPEC §2). */
export class ArgumentError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('argument', op, rule, details, hint);
  }
}
/**
 * A backend that is unknown or cannot load, inputs on different backends, or an allocation beyond
 * what the backend's memory can grow to: `zeros: out of WebAssembly memory; asked for 8589934592
 * bytes with 1245184 in use (limit 2147483648 bytes)` — the op that asked, the bytes asked for and
 * in use. Nothing was allocated; existing tensors and later ops keep working (SPEC §2).
 */
export class BackendError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('backend', op, rule, details, hint);
  }
}
/** Input data that cannot be read or is malformed, e.g. a bad IDX file (SPEC §2, §7). */
export class DataError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('data', op, rule, details, hint);
  }
}
/** A NaN or infinite value where work cannot go on, e.g. a training loss (SPEC §2). */
export class NumericalError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('numerical', op, rule, details, hint);
  }
}
/** Saved state that does not fit what it is loaded into (SPEC §2). */
export class CheckpointError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('checkpoint', op, rule, details, hint);
  }
}
/** Use of a disposed tensor, whose memory was released (SPEC §2). Out of memory: BackendError. */
export class MemoryError extends NablaError {
  constructor(op: string, rule: string, details: ErrorDetails = {}, hint?: string) {
    super('memory', op, rule, details, hint);
  }
}

/** Shapes print as `[64, 1568]`: brackets, comma and space (never `2,3` or `64x1568`; SPEC §2). */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * `<op>: <rule>; got <arg> [shape], <arg> [shape] (<extra>)` then an optional `hint:` line.
 * `details.got` is a list of [argName, shape] pairs; `details.note` is the parenthesised extra.
 */
export function renderMessage(op: string, rule: string, details: ErrorDetails, hint?: string) {
  let msg = `${op}: ${rule}`;
  const got = details.got as Array<[string, readonly number[] | string]> | undefined;
  if (got && got.length > 0) {
    const parts = got.map(([name, s]) => `${name} ${typeof s === 'string' ? s : formatShape(s)}`);
    msg += `; got ${parts.join(' and ')}`;
  }
  if (details.note !== undefined) msg += ` (${String(details.note)})`;
  if (hint) msg += `\nhint: ${hint}`;
  return msg;
}
