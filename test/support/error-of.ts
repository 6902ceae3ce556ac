import { expect } from "vitest";
import { align } from "../../src/align.js";
import { TerralignError } from "../../src/errors.js";
import type { Problem } from "../../src/model/problem-schema.js";

/** Runs `align` on `base()` changed by `edit` and returns the `TerralignError` it must throw. */
export function alignErrorOf(base: () => Problem, edit: (p: any) => void, options?: unknown): TerralignError {
  const problem: any = base();
  edit(problem);
  try {
    align(problem, options as never);
  } catch (error) {
    expect(error).toBeInstanceOf(TerralignError);
    return error as TerralignError;
  }
  throw new Error("align did not throw");
}

/** The `TerralignError` that `run` must throw. */
export function errorOf(run: () => unknown): TerralignError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TerralignError);
    return error as TerralignError;
  }
  throw new Error("expected a TerralignError, but nothing was thrown");
}
