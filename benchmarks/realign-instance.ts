/**
 * Seeded realignment instances: today's territories and a change to make. Accounts and reps come
 * from `generateInstance`. Today's territories are a past alignment of the reps who were there
 * before the change (`align` with ±10 % bands over them), drifted since: `drift` of the accounts
 * moved to one of their three nearest old reps. The `hires` last reps are new and have no accounts
 * today, so the bands cannot hold without moves.
 */
import { align } from "../src/align.js";
import type { Problem } from "../src/model/problem-schema.js";
import { createRandom } from "../src/util/random.js";
import { generateInstance } from "./generate-instance.js";

export interface RealignSpec {
  readonly accounts: number;
  readonly reps: number;
  /** Reps with no accounts today (the last ones). */
  readonly hires: number;
  readonly seed: number;
  /** Share of accounts whose owner drifted away from the past alignment; default 0.1. */
  readonly drift?: number;
}

export function realignInstance(spec: RealignSpec): Problem {
  const base = generateInstance({ accounts: spec.accounts, reps: spec.reps, seed: spec.seed });
  const random = createRandom(spec.seed * 31 + 7);
  const before = base.reps.slice(0, base.reps.length - spec.hires);
  const past = align({ accounts: base.accounts, reps: before }, { balance: { workload: 0.1 }, seed: spec.seed });
  const owner = new Map(past.assignment.map((row) => [row.accountId, row.repId]));
  const drift = spec.drift ?? 0.1;
  const accounts = base.accounts.map((account) => {
    let current = owner.get(account.id) ?? before[0].id;
    if (random() < drift) {
      const near = before
        .map((rep) => ({ id: rep.id, d: ((rep.home[0] - account.location[0]) * Math.cos((account.location[1] * Math.PI) / 180)) ** 2 + (rep.home[1] - account.location[1]) ** 2 }))
        .sort((x, y) => x.d - y.d || (x.id < y.id ? -1 : 1));
      current = near[Math.floor(random() * Math.min(3, near.length))].id;
    }
    return { ...account, currentRep: current };
  });
  return { accounts, reps: base.reps };
}
