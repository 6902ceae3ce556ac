import { describe, expect, it } from "vitest";
import { haversineKm } from "../../src/geo/haversine.js";
import type { Account } from "../../src/model/problem-schema.js";
import { candidateSites } from "../../src/place/candidate-sites.js";
import { createRandom } from "../../src/util/random.js";

/** A busy town, a far corner that stretches the grid, and one light account 50 km from the town. */
function accounts(): Account[] {
  const random = createRandom(5);
  const town = Array.from({ length: 60 }, (_, a) => ({ id: `T${a + 1}`, location: [-103 + 0.05 * random(), 20 + 0.05 * random()] as [number, number], workload: 5 }));
  const corner = Array.from({ length: 60 }, (_, a) => ({ id: `C${a + 1}`, location: [-93 + 0.05 * random(), 30 + 0.05 * random()] as [number, number], workload: 15 }));
  return [...town, ...corner, { id: "LONE", location: [-102.55, 20], workload: 0.1 }];
}

const minutesPerKm = 1.5;
const reachable = (list: readonly Account[], lng: Float64Array, lat: Float64Array, minutes: number) =>
  list.every((a) => lng.some((x, k) => haversineKm(x, lat[k], a.location[0], a.location[1]) * minutesPerKm <= minutes));

describe("candidateSites", () => {
  it("keeps every distinct account location when there are few", () => {
    const list = accounts();
    const sites = candidateSites({ accounts: list, reps: [] }, "accounts", 500);
    expect(sites.ids).toHaveLength(list.length);
    expect(sites.available).toBe(list.length);
  });

  it("keeps a spread when thinning, and with a travel limit adds sites until every account is in reach", () => {
    const list = accounts();
    const thin = candidateSites({ accounts: list, reps: [] }, "accounts", 4);
    expect(thin.ids.length).toBeLessThanOrEqual(4);
    expect(reachable(list, thin.lng, thin.lat, 30)).toBe(false);
    const covered = candidateSites({ accounts: list, reps: [] }, "accounts", 4, { minutes: 30, minutesPerKm, enough: 1_000 });
    expect(covered.ids).toContain("LONE");
    expect(reachable(list, covered.lng, covered.lat, 30)).toBe(true);
    // Sites stay in account order, each an account location.
    expect([...covered.account]).toEqual([...covered.account].sort((x, y) => x - y));
    covered.account.forEach((a, k) => expect([covered.lng[k], covered.lat[k]]).toEqual(list[a].location));
  });
});
