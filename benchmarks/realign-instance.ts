/**
 * Seeded realignment instances: today's territories and a change to make. Accounts and reps come
 * from `generateInstance`; today's owner of each account is, among the reps who were there
 * before the change, the nearest one with probability 0.85 and one of its three nearest otherwise
 * (territories that drifted over the years). The `hires` last reps are new: they have no accounts
 * today, so the bands cannot hold without moves.
 */
import type { Problem } from "../src/model/problem-schema.js";
import { createRandom } from "../src/util/random.js";
import { generateInstance } from "./generate-instance.js";

export interface RealignSpec {
  readonly accounts: number;
  readonly reps: number;
  /** Reps with no accounts today (the last ones). */
  readonly hires: number;
  readonly seed: number;
}

export function realignInstance(spec: RealignSpec): Problem {
  const base = generateInstance({ accounts: spec.accounts, reps: spec.reps, seed: spec.seed });
  const random = createRandom(spec.seed * 31 + 7);
  const before = base.reps.slice(0, base.reps.length - spec.hires);
  const accounts = base.accounts.map((account) => {
    const near = before
      .map((rep) => ({ id: rep.id, d: (rep.home[0] - account.location[0]) ** 2 * Math.cos((account.location[1] * Math.PI) / 180) ** 2 + (rep.home[1] - account.location[1]) ** 2 }))
      .sort((x, y) => x.d - y.d || (x.id < y.id ? -1 : 1));
    const owner = random() < 0.85 ? near[0] : near[Math.min(near.length - 1, Math.floor(random() * 3))];
    return { ...account, currentRep: owner.id };
  });
  return { accounts, reps: base.reps };
}
