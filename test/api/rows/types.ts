// The shape of the bad-argument table (test/api/bad-arguments.test.ts): per public name, calls
// that must throw a nabla error of a given class with an exact message.

export type ErrorClass = abstract new (...args: never[]) => Error;

export interface Row {
  /** The refused call (may return a promise, which must reject). */
  call: () => unknown;
  throws: ErrorClass;
  /** The exact message; '?' is a placeholder that `npx tsx test/api/fill-messages.ts` fills. */
  message: string;
  /** A snapshot taken before and after the call, which must not differ (no state changed). */
  unchanged?: () => unknown;
}

/** Public name → its rows. Names: `tensor`, `Linear` (the constructor), `Linear.forward`, `init.normal_`. */
export type Rows = Record<string, Row[]>;

export const r = (call: () => unknown, throws: ErrorClass, message: string, unchanged?: () => unknown): Row => ({
  call, throws, message, unchanged,
});
