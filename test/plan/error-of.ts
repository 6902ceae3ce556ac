import { expect } from "vitest";
import { TerralignError } from "../../src/errors.js";

/** Runs `run`, which must throw a `TerralignError`, and returns it. */
export function errorOf(run: () => unknown): TerralignError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TerralignError);
    return error as TerralignError;
  }
  throw new Error("did not throw");
}
