/**
 * What a call fails with, for the tests that check refusals. `thrownBy`/`rejectionOf` return the
 * error itself (the test fails unless it is of the expected class); `syncCodeOf`/`asyncCodeOf` its
 * `code` (every family's error class carries one): anything else thrown is rethrown as is, and a
 * call that succeeds gives `onSuccess` ("accepted" unless told), which no expected code equals.
 */
import { expect } from 'vitest';

/** Any error class (the error a test expects). */
export type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** The `errorClass` error that `fn` throws; the test fails if it throws something else or nothing. */
export function thrownBy<E extends Error>(errorClass: ErrorClass<E>, fn: () => unknown): E {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(errorClass);
    return e as E;
  }
  throw new Error(`expected a ${errorClass.name}, but the call succeeded`);
}

/** The `errorClass` error that `p` rejects with; the test fails if it rejects with something else or resolves. */
export async function rejectionOf<E extends Error>(errorClass: ErrorClass<E>, p: Promise<unknown>): Promise<E> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(errorClass);
    return e as E;
  }
  throw new Error(`expected a ${errorClass.name}, but the call succeeded`);
}

/** An error class whose instances carry a string code (BitcoinError, TronWalletError, …). */
export type CodedErrorClass = abstract new (...args: never[]) => Error & { code: string };

/** `codeOf(fn)`: the code of the `errorClass` error that `fn` throws, or `onSuccess`. */
export function syncCodeOf(errorClass: CodedErrorClass, onSuccess = 'accepted'): (fn: () => unknown) => string {
  return (fn) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof errorClass) return e.code;
      throw e;
    }
    return onSuccess;
  };
}

/** `codeOf(promise)`: the code of the `errorClass` error that `promise` rejects with, or `onSuccess`. */
export function asyncCodeOf(errorClass: CodedErrorClass, onSuccess = 'accepted'): (p: Promise<unknown>) => Promise<string> {
  return async (p) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof errorClass) return e.code;
      throw e;
    }
    return onSuccess;
  };
}
