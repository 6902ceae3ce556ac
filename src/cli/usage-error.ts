/**
 * A mistake in how the command was called (unknown flag, missing value, unwritable output
 * directory). The CLI prints its message on one line and exits with code 2, like a
 * `TerralignError`.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
