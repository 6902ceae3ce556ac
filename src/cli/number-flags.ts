import { UsageError } from "./usage-error.js";

/** A positive number of seconds, e.g. `--time-limit 2.5`. */
export function parseSeconds(text: string, flag: string): number {
  const x = Number(text);
  if (!/^\d*\.?\d+$/.test(text.trim()) || !(x > 0)) throw new UsageError(`${flag}: ${JSON.stringify(text)} is not a positive number of seconds`);
  return x;
}

/** An integer seed. */
export function parseSeed(text: string): number {
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--seed: ${JSON.stringify(text)} is not an integer`);
  return Number(text);
}

/** An integer ≥ 1, e.g. `--count 12`. */
export function parseCount(text: string, flag: string): number {
  if (!/^\d+$/.test(text.trim()) || !(Number(text) >= 1) || !Number.isSafeInteger(Number(text))) throw new UsageError(`${flag}: ${JSON.stringify(text)} is not an integer ≥ 1`);
  return Number(text);
}

/** A finite number > 0 (hours, minutes), or — with `zeroOk` — ≥ 0. */
export function parsePositive(text: string, flag: string, unit: string, zeroOk = false): number {
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x) || x < 0 || (x === 0 && !zeroOk)) throw new UsageError(`${flag}: ${JSON.stringify(text)} is not a number of ${unit} ${zeroOk ? "≥" : ">"} 0`);
  return x;
}
