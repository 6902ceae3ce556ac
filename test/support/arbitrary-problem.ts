import fc from "fast-check";
import type { Account, Problem, Rep } from "../../src/model/problem-schema.js";

/** Seed for every property test, so failures reproduce. */
export const FC_SEED = 20261127;

const lngLat = (lng: [number, number], lat: [number, number]) =>
  fc.tuple(fc.double({ min: lng[0], max: lng[1], noNaN: true }), fc.double({ min: lat[0], max: lat[1], noNaN: true }));

/** Small random problems in a region the size of a Mexican state, capacity slack ≥ 20 %. */
export function arbitraryProblem(options: { maxAccounts?: number; maxReps?: number; segments?: boolean; locks?: boolean } = {}): fc.Arbitrary<Problem> {
  const { maxAccounts = 40, maxReps = 6 } = options;
  const box = { lng: [-104, -101] as [number, number], lat: [19, 22] as [number, number] };
  const segmentNames = ["retail", "hospital", "pharmacy"];
  return fc
    .record({
      accounts: fc.array(
        fc.record({
          location: lngLat(box.lng, box.lat),
          workload: fc.double({ min: 0.5, max: 10, noNaN: true }),
          potential: fc.double({ min: 0, max: 1000, noNaN: true }),
          segment: fc.constantFrom(...segmentNames),
          lockRoll: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        { minLength: 1, maxLength: maxAccounts },
      ),
      reps: fc.array(fc.record({ home: lngLat(box.lng, box.lat), share: fc.double({ min: 0.5, max: 2, noNaN: true }) }), { minLength: 1, maxLength: maxReps }),
      specialist: fc.boolean(),
    })
    .map(({ accounts, reps, specialist }) => {
      const total = accounts.reduce((s, a) => s + a.workload, 0);
      const shares = reps.reduce((s, r) => s + r.share, 0);
      const repList: Rep[] = reps.map((r, j) => ({
        id: `rep-${j}`,
        home: r.home,
        capacity: (1.2 * total * r.share) / shares + 10,
        ...(options.segments && specialist && j === 0 && reps.length > 1 ? { segments: ["hospital"] } : {}),
      }));
      const accountList: Account[] = accounts.map((a, i) => ({
        id: `acc-${i}`,
        location: a.location,
        workload: a.workload,
        potential: a.potential,
        ...(options.segments ? { segment: a.segment } : {}),
        ...(options.locks && a.lockRoll < 0.1 ? { lockedRep: repList[i % repList.length].id } : {}),
      }));
      return { accounts: accountList, reps: repList };
    });
}
