// Element types. float32 is the default; float64 serves gradcheck and references; int32 holds
// class labels and argmax results; uint8 stores raw image bytes (a quarter of float32's memory).

export type DType = 'float32' | 'float64' | 'int32' | 'uint8';
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;
export type FloatDType = 'float32' | 'float64';

let defaultFloat: FloatDType = 'float32';

/** The dtype of new float tensors and layers made without one (float32 unless changed). */
export function defaultDtype(): FloatDType {
  return defaultFloat;
}

/** Sets defaultDtype(); the caller (setDefaultDtype, ops layer) has checked `d`. */
export function setDefaultFloat(d: FloatDType): void {
  defaultFloat = d;
}

export function arrayFor(dtype: DType, size: number): TypedArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(size);
    case 'float64':
      return new Float64Array(size);
    case 'int32':
      return new Int32Array(size);
    case 'uint8':
      return new Uint8Array(size);
  }
}

export function bytesPer(dtype: DType): number {
  return dtype === 'float64' ? 8 : dtype === 'uint8' ? 1 : 4;
}

export function isFloat(dtype: DType): dtype is FloatDType {
  return dtype === 'float32' || dtype === 'float64';
}

/** The dtype two operands promote to (PyTorch: float64 > float32 > int32 > uint8). */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'float64' || b === 'float64') return 'float64';
  if (a === 'float32' || b === 'float32') return 'float32';
  return 'int32';
}

export function dtypeOfArray(a: ArrayLike<number>): DType {
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Int32Array) return 'int32';
  if (a instanceof Uint8Array) return 'uint8';
  return 'float32';
}
