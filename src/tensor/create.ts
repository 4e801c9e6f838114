// Creating tensors: from data, constants, ranges and the seeded random generator. Every argument
// is checked before anything is allocated (docs/design.md §7).

import { arrayFor, defaultDtype, dtypeOfArray, setDefaultFloat, type DType, type TypedArray } from '../core/dtype.js';
import { badArg, checkBool, checkDType, checkOneOf, checkGradDType, checkInt, checkNumber, checkOptions, checkShape, DTYPES } from '../core/check.js';
import { checkRng, Rng } from '../core/rng.js';
import { sizeOf } from '../core/shape.js';
import { ArgumentError } from '../core/errors.js';
import { backendNamed } from '../backend/registry.js';
import type { Backend } from '../backend/kernels.js';
import { Tensor } from './tensor.js';
import { keepAlive, trackAlloc } from './alloc-scope.js';
import { expectTensor } from './expect.js';
import { checkIntValues, elementName, readNested } from './nested.js';

export interface CreateOptions {
  dtype?: DType;
  requiresGrad?: boolean;
  /** Backend name; the current default when omitted. */
  backend?: string;
  /**
   * The tensor will live long (a dataset, a constant table): the wasm backend pins it rather than
   * treating it as a temporary it may evict (docs/design.md §3). Released when unreachable.
   */
  longLived?: boolean;
}

export interface RandomOptions extends CreateOptions {
  /** Generator to draw from; the global one (see manualSeed) when omitted. */
  rng?: Rng;
}

export type NestedArray = number | boolean | readonly NestedArray[];

const CREATE_KEYS = ['dtype', 'requiresGrad', 'backend', 'longLived'];

/** Checks an options object of a creation function (CREATE_KEYS plus `extra`). */
export function createOptions<T extends CreateOptions>(op: string, opts: T | undefined, extra: readonly string[] = []): Partial<T> {
  if (typeof opts === 'string' && (DTYPES as readonly string[]).includes(opts)) {
    throw badArg(op, 'options must be an object', opts, `write { dtype: '${opts}' }`);
  }
  const o = checkOptions(op, opts, extra.length > 0 ? [...CREATE_KEYS, ...extra] : CREATE_KEYS);
  if (o.dtype !== undefined) checkDType(op, o.dtype);
  if (o.requiresGrad !== undefined) checkBool(op, 'requiresGrad', o.requiresGrad);
  if (o.longLived !== undefined) checkBool(op, 'longLived', o.longLived);
  if (o.backend !== undefined) backendNamed(op, o.backend);
  const rng = (o as RandomOptions).rng;
  checkRng(op, rng);
  return o;
}

/** Marks a new tensor as requested (checkGradDType ran before its storage was allocated). */
function finish(t: Tensor, opts: CreateOptions): Tensor {
  if (opts.requiresGrad) t.requiresGrad = true;
  if (opts.longLived) keepAlive(t);
  return t;
}

/** A checked typed array of `dtype` from a plain array of numbers/booleans (the elements named). */
function toArray(op: string, dtype: DType, data: ArrayLike<unknown>, name: (i: number) => string): TypedArray {
  const a = arrayFor(dtype, data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v === 'number') a[i] = v;
    else if (typeof v === 'boolean') a[i] = v ? 1 : 0;
    else throw badArg(op, `${name(i)} must be a number`, v);
  }
  return a;
}

/** The unchecked core of fromArray: `data` already validated for `dtype`. */
export function make(op: string, arr: TypedArray, shape: readonly number[], dtype: DType, o: CreateOptions): Tensor {
  if (o.requiresGrad) checkGradDType(op, dtype);
  const b = backendNamed(op, o.backend);
  return finish(new Tensor(b.fromArray(arr, dtype, op), [...shape], b), o);
}

/** Wraps an existing storage-ready typed array (copied) as a tensor of `shape` (concepts §2). */
export function fromArray(data: ArrayLike<number>, shape: readonly number[], opts?: CreateOptions): Tensor {
  return arrayTensor('fromArray', data, shape, createOptions('fromArray', opts));
}

/** fromArray with checked options, errors naming `op` (tensor(aTypedArray) comes here too). */
function arrayTensor(op: string, data: ArrayLike<number>, shape: readonly number[], o: CreateOptions): Tensor {
  const typed = ArrayBuffer.isView(data) && !(data instanceof DataView);
  if ((!typed && !Array.isArray(data)) || data instanceof BigInt64Array || data instanceof BigUint64Array) {
    throw badArg(op, 'data must be an array of numbers or a numeric typed array', data);
  }
  checkShape(op, shape);
  const n = sizeOf(shape);
  if (data.length !== n) {
    throw new ArgumentError(op, `data length must equal the shape's size ${n}`, {
      got: [['shape', shape]],
      note: `data has ${data.length} elements`,
    });
  }
  const dtype = o.dtype ?? (typed ? dtypeOfArray(data) : defaultDtype());
  const name = (i: number) => `data[${i}]`;
  // a typed array of any element type converts inside the backend's copy (no intermediate array)
  const arr = typed ? (data as TypedArray) : toArray(op, dtype, data, name);
  checkIntValues(op, arr, dtype, name);
  return make(op, arr, shape, dtype, o);
}

/**
 * Like torch.tensor: nested arrays (or a number) to a tensor, shape inferred (concepts §2). Rows may
 * be typed arrays. The dtype is `opts.dtype`, else a Float64Array's, Int32Array's or Uint8Array's
 * own (the data's, or every row's), else float32. Elements must be numbers or booleans, rows
 * rectangular, and values fit an integer dtype.
 * @example
 * tensor([[1, 2, 3], [4, 5, 6]]).shape // [2, 3]
 * tensor(3.5).item() // 3.5
 * tensor([1, 2], { dtype: 'int32' }).dtype // 'int32'
 */
export function tensor(data: NestedArray | TypedArray | readonly TypedArray[], opts?: CreateOptions): Tensor {
  const o = createOptions('tensor', opts);
  if (typeof data === 'number' || typeof data === 'boolean') {
    return make('tensor', checked('tensor', [Number(data)], [], o.dtype ?? defaultDtype()), [], o.dtype ?? defaultDtype(), o);
  }
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) return arrayTensor('tensor', data as TypedArray, [(data as TypedArray).length], o);
  if (!Array.isArray(data)) {
    const hint = data instanceof Tensor ? 'copy a tensor with x.clone() (x.detach() to leave the graph)' : undefined;
    throw badArg('tensor', 'data must be a number, a boolean, a (nested) array of them or a typed array', data, hint);
  }
  const { shape, flat, rowsDType } = readNested('tensor', data);
  const dtype = o.dtype ?? rowsDType ?? defaultDtype();
  return make('tensor', checked('tensor', flat, shape, dtype), shape, dtype, o);
}

function checked(op: string, flat: number[], shape: readonly number[], dtype: DType): TypedArray {
  checkIntValues(op, flat, dtype, shape.length === 0 ? () => 'data' : elementName(shape));
  const a = arrayFor(dtype, flat.length);
  a.set(flat);
  return a;
}

/** A tensor of `shape` filled with `value` (torch.full; concepts §2). */
export function full(shape: readonly number[], value: number, opts?: CreateOptions): Tensor {
  return fullChecked('full', checkShape('full', shape), value, createOptions('full', opts));
}

function fullChecked(op: string, shape: readonly number[], value: unknown, o: CreateOptions): Tensor {
  if (typeof value !== 'number' && typeof value !== 'boolean') throw badArg(op, 'value must be a number', value);
  const v = Number(value);
  const dtype = o.dtype ?? defaultDtype();
  checkIntValues(op, [v], dtype, () => 'value');
  if (o.requiresGrad) checkGradDType(op, dtype);
  const b = backendNamed(op, o.backend);
  const s = b.alloc(dtype, sizeOf(shape), op);
  b.fill(s, v);
  return finish(new Tensor(s, [...shape], b), o);
}

/**
 * The shape and options of a function whose only positional argument is the shape: an array
 * (`zeros([2, 3], opts)`) or PyTorch's separate sizes (`zeros(2, 3)`, `zeros(2, 3, opts)`).
 */
export function shapeArgs(op: string, args: readonly unknown[]): { shape: readonly number[]; opts: unknown } {
  let n = 0;
  while (n < args.length && typeof args[n] === 'number') n++;
  const dims = n > 0 ? args.slice(0, n) : args[0];
  const rest = args.slice(Math.max(n, 1));
  if (rest.length > 1) throw badArg(op, 'takes a shape and an options object', args, `e.g. ${op}([2, 3], { dtype: 'float64' })`);
  if (n > 0 && !(dims as unknown[]).every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) {
    throw badArg(op, 'sizes must be non-negative integers', n === 1 ? args[0] : dims);
  }
  return { shape: checkShape(op, dims), opts: rest[0] };
}

export type ShapeArgs<O> = [...number[], O] | number[];

/** A tensor of `shape` filled with 0; sizes may also be separate: zeros(2, 3) (torch.zeros; concepts §2). */
export function zeros(shape: readonly number[], opts?: CreateOptions): Tensor;
export function zeros(...sizes: ShapeArgs<CreateOptions>): Tensor;
export function zeros(...args: unknown[]): Tensor {
  const { shape, opts } = shapeArgs('zeros', args);
  return fullChecked('zeros', shape, 0, createOptions('zeros', opts as CreateOptions));
}
/** A tensor of `shape` filled with 1; sizes may also be separate: ones(2, 3) (torch.ones; concepts §2). */
export function ones(shape: readonly number[], opts?: CreateOptions): Tensor;
export function ones(...sizes: ShapeArgs<CreateOptions>): Tensor;
export function ones(...args: unknown[]): Tensor {
  const { shape, opts } = shapeArgs('ones', args);
  return fullChecked('ones', shape, 1, createOptions('ones', opts as CreateOptions));
}

/** A 0-d tensor holding `value`, on `backend` (used for scalars mixed into ops). */
export function scalarOn(value: number, dtype: DType, backend: Backend): Tensor {
  const s = backend.alloc(dtype, 1);
  trackAlloc(backend, s);
  backend.fill(s, value);
  return new Tensor(s, [], backend);
}

function like(op: string, t: unknown, value: unknown, opts: CreateOptions | undefined): Tensor {
  const x = expectTensor(op, 't', t);
  const o = createOptions(op, opts);
  return fullChecked(op, x.shape, value, { dtype: x.dtype, backend: x.backend.name, ...o });
}
/** Zeros with t's shape, dtype and backend unless `opts` overrides them (concepts §2). */
export function zerosLike(t: Tensor, opts?: CreateOptions): Tensor {
  return like('zerosLike', t, 0, opts);
}
/** Ones with t's shape, dtype and backend unless `opts` overrides them (concepts §2). */
export function onesLike(t: Tensor, opts?: CreateOptions): Tensor {
  return like('onesLike', t, 1, opts);
}
/** `value` with t's shape, dtype and backend unless `opts` overrides them (concepts §2). */
export function fullLike(t: Tensor, value: number, opts?: CreateOptions): Tensor {
  return like('fullLike', t, value, opts);
}

const isOptions = (x: unknown) => typeof x === 'object' && x !== null;

/**
 * Like torch.arange(start, end, step): start, start + step, … < end; arange(n) gives 0..n−1.
 * The options may follow any of the numbers: arange(5, { dtype: 'int32' }) (concepts §2).
 */
export function arange(start: number, end?: number | CreateOptions, step: number | CreateOptions = 1, opts?: CreateOptions): Tensor {
  if (isOptions(end) && opts === undefined && step === 1) [end, opts] = [undefined, end as CreateOptions];
  else if (isOptions(step) && opts === undefined) [step, opts] = [1, step as CreateOptions];
  const o = createOptions('arange', opts);
  checkNumber('arange', 'start', start);
  if (end !== undefined) checkNumber('arange', 'end', end);
  checkNumber('arange', 'step', step);
  if (step === 0) throw badArg('arange', 'step must not be 0', step);
  const [lo, hi] = end === undefined ? [0, start] : [start, end as number];
  const n = Math.max(0, Math.ceil((hi - lo) / (step as number)));
  const dtype = o.dtype ?? defaultDtype();
  const a = arrayFor(dtype, n);
  checkIntValues('arange', n > 0 ? [lo, lo + (n - 1) * (step as number)] : [], dtype, (i) => (i === 0 ? 'start' : 'the last value'));
  for (let i = 0; i < n; i++) a[i] = lo + i * (step as number);
  return make('arange', a, [n], dtype, o);
}

/** `steps` evenly spaced values from start to end, both included (torch.linspace; concepts §2). */
export function linspace(start: number, end: number, steps: number, opts?: CreateOptions): Tensor {
  const o = createOptions('linspace', opts);
  checkNumber('linspace', 'start', start);
  checkNumber('linspace', 'end', end);
  checkInt('linspace', 'steps', steps, 0);
  const dtype = o.dtype ?? defaultDtype();
  const a: number[] = [];
  for (let i = 0; i < steps; i++) a.push(steps === 1 ? start : start + ((end - start) * i) / (steps - 1));
  return make('linspace', checked('linspace', a, [steps], dtype), [steps], dtype, o);
}

/** The n × n identity matrix (torch.eye; concepts §2). */
export function eye(n: number, opts?: CreateOptions): Tensor {
  const o = createOptions('eye', opts);
  checkInt('eye', 'n', n, 0);
  const dtype = o.dtype ?? defaultDtype();
  const a = arrayFor(dtype, n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = 1;
  return make('eye', a, [n, n], dtype, o);
}

/**
 * Sets the dtype of new float tensors and of layers made without a dtype: 'float32' (the default)
 * or 'float64' (torch.set_default_dtype; concepts §2). Tensors that exist keep theirs.
 * @example
 * setDefaultDtype('float64');
 * getDefaultDtype() // 'float64'
 * setDefaultDtype('float32');
 */
export function setDefaultDtype(dtype: 'float32' | 'float64'): void {
  setDefaultFloat(checkOneOf('setDefaultDtype', 'dtype', dtype, ['float32', 'float64'] as const));
}

/** The dtype of new float tensors and layers made without one (torch.get_default_dtype; concepts §2). */
export function getDefaultDtype(): 'float32' | 'float64' {
  return defaultDtype();
}
