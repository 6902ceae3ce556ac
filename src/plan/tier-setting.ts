import { fail } from "../errors.js";

/** The distinct tiers of the accounts, sorted, for messages and checks. */
export function tierNamesOf(tiers: readonly (string | undefined)[]): Set<string> {
  const names = new Set<string>();
  for (const tier of tiers) if (tier !== undefined) names.add(tier);
  return names;
}

/**
 * Resolves a setting given once or per tier (`{"A": 60, "B": 45}`) to one value per account.
 * Per tier, every key must be the tier of some account and every account's tier must have a key;
 * otherwise a `TerralignError` names the option (`options.minutesPerVisit.D`) or the account.
 * `isSingle` tells the one-value shape from the per-tier object.
 */
export function settingPerAccount<T>(
  setting: T | Readonly<Record<string, T>>,
  isSingle: (value: unknown) => boolean,
  name: string,
  tiers: readonly (string | undefined)[],
  ids: readonly string[],
  known: ReadonlySet<string>,
): (account: number) => T {
  if (isSingle(setting)) return () => setting as T;
  const byTier = new Map(Object.entries(setting as Readonly<Record<string, T>>));
  for (const tier of byTier.keys()) {
    if (!known.has(tier)) fail("invalid_option", ["options", name, tier], `tier "${tier}" is the tier of no account (tiers: ${[...known].sort().join(", ") || "none"})`);
  }
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    if (tier === undefined) fail("invalid_input", ["accounts", i, "tier"], `account ${JSON.stringify(ids[i])} has no tier, but ${name} is given per tier`);
    if (!byTier.has(tier)) fail("invalid_input", ["accounts", i, "tier"], `tier "${tier}" has no ${name} (account ${JSON.stringify(ids[i])}); add "${tier}" to ${name}`);
  }
  return (account) => byTier.get(tiers[account]!)!;
}
