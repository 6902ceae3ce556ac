import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { alignErrorOf } from "../support/error-of.js";

function base(): Problem {
  return {
    accounts: [
      { id: "a1", location: [-99.13, 19.43], workload: 10, potential: 100 },
      { id: "a2", location: [-99.2, 19.5], workload: 5 },
    ],
    reps: [
      { id: "r1", home: [-99.1, 19.4], capacity: 40 },
      { id: "r2", home: [-99.3, 19.6], capacity: 40 },
    ],
  };
}

const errorOf = (edit: (p: any) => void, options?: unknown) => alignErrorOf(base, edit, options);

describe("input validation", () => {
  const cases: [string, (p: any) => void, string | RegExp, string][] = [
    ["a missing account id", (p) => delete p.accounts[1].id, "accounts[1].id: is required", "invalid_input"],
    ["a numeric account id", (p) => (p.accounts[0].id = 7), "accounts[0].id: expected string, got 7", "invalid_input"],
    ["an empty rep id", (p) => (p.reps[0].id = ""), "reps[0].id: rep id is empty", "invalid_input"],
    ["a duplicate account id", (p) => (p.accounts[1].id = "a1"), 'accounts[1].id: duplicate account id "a1" (also used by accounts[0])', "duplicate_id"],
    ["a duplicate rep id", (p) => (p.reps[1].id = "r1"), 'reps[1].id: duplicate rep id "r1"', "duplicate_id"],
    ["a longitude out of range", (p) => (p.accounts[0].location = [-199, 19]), "accounts[0].location[0]: longitude -199 is outside [-180, 180]", "invalid_input"],
    ["a latitude out of range", (p) => (p.accounts[0].location = [-99, 123]), "accounts[0].location[1]: latitude 123 is outside [-90, 90]", "invalid_input"],
    ["swapped coordinates", (p) => (p.accounts[0].location = [19.43, -99.13]), /latitude -99.13 is outside \[-90, 90\]; it looks swapped.*\[-99.13, 19.43\]/, "invalid_input"],
    ["a location with one number", (p) => (p.accounts[0].location = [19.43]), /accounts\[0\]\.location/, "invalid_input"],
    ["a NaN workload", (p) => (p.accounts[0].workload = NaN), "accounts[0].workload: expected number, got NaN", "invalid_input"],
    ["an infinite workload", (p) => (p.accounts[0].workload = Infinity), /accounts\[0\]\.workload: .*Infinity/, "invalid_input"],
    ["a negative workload", (p) => (p.accounts[0].workload = -3), "accounts[0].workload: workload -3 must not be negative", "invalid_input"],
    ["a non-numeric workload", (p) => (p.accounts[0].workload = "abc"), 'accounts[0].workload: expected number, got "abc"', "invalid_input"],
    ["a missing workload", (p) => delete p.accounts[0].workload, "accounts[0].workload: is required (expected number)", "invalid_input"],
    ["a negative potential", (p) => (p.accounts[1].potential = -1), "accounts[1].potential: potential -1 must not be negative", "invalid_input"],
    ["a zero capacity", (p) => (p.reps[1].capacity = 0), "reps[1].capacity: capacity 0 must be a positive number of hours", "invalid_input"],
    ["a negative capacity", (p) => (p.reps[1].capacity = -5), "reps[1].capacity: capacity -5 must be a positive number of hours", "invalid_input"],
    ["a non-numeric capacity", (p) => (p.reps[1].capacity = "lots"), 'reps[1].capacity: expected number, got "lots"', "invalid_input"],
    ["no reps", (p) => (p.reps = []), /^reps: no reps given/, "invalid_input"],
    ["an unknown locked rep", (p) => (p.accounts[0].lockedRep = "nobody"), 'accounts[0].lockedRep: lockedRep "nobody" is not the id of any rep', "unknown_reference"],
    ["an unknown current rep", (p) => (p.accounts[1].currentRep = "r9"), 'accounts[1].currentRep: currentRep "r9" is not the id of any rep', "unknown_reference"],
    ["an unknown account field", (p) => (p.accounts[0].workLoad = 3), 'accounts[0]: unknown field "workLoad"', "invalid_input"],
    ["a negative maxTravelMinutes", (p) => (p.reps[0].maxTravelMinutes = -1), "reps[0].maxTravelMinutes: maxTravelMinutes -1 must be a finite number ≥ 0", "invalid_input"],
    ["a travel matrix of the wrong shape", (p) => (p.travel = { minutes: [[1, 2]] }), "travel.minutes: expected 2 rows (one per rep), got 1", "invalid_input"],
  ];

  for (const [name, edit, message, code] of cases) {
    it(`rejects ${name} with a message naming the field and value`, () => {
      const error = errorOf(edit);
      expect(error.code).toBe(code);
      if (typeof message === "string") expect(error.message).toContain(message);
      else expect(error.message).toMatch(message);
    });
  }

  it("rejects a problem that is not an object", () => {
    expect(() => align(null as never)).toThrow(/problem: expected an object/);
  });

  it("counts further issues in the message and lists them all", () => {
    const error = errorOf((p) => {
      p.accounts[0].workload = -1;
      p.accounts[1].workload = -2;
    });
    expect(error.message).toContain("(and 1 more issue)");
    expect(error.issues.map((i) => i.path)).toEqual([
      ["accounts", 0, "workload"],
      ["accounts", 1, "workload"],
    ]);
  });

  const optionCases: [string, unknown, string][] = [
    ["an unknown option", { speed: 3 }, 'options: unknown field "speed"'],
    ["an unknown strategy", { strategy: "magic" }, 'options.strategy: expected one of "auto", "heuristic"'],
    ["a band given as a string", { balance: { workload: "10%" } }, 'options.balance.workload: expected number, got "10%"'],
    ["a negative band", { balance: { workload: -0.1 } }, "options.balance.workload:"],
    ["a zero speed", { travel: { speedKmh: 0 } }, "options.travel.speedKmh:"],
    ["a circuity below one", { travel: { circuity: 0.5 } }, "options.travel.circuity:"],
    ["a fractional seed", { seed: 1.5 }, "options.seed:"],
    ["a time limit given as a string", { timeLimitMs: "10s" }, 'options.timeLimitMs: expected number, got "10s"'],
    ["a non-function progress callback", { onProgress: 3 }, "options.onProgress: expected a function"],
  ];
  for (const [name, options, message] of optionCases) {
    it(`rejects ${name}`, () => {
      const error = errorOf(() => {}, options);
      expect(error.code).toBe("invalid_option");
      expect(error.message).toContain(message);
    });
  }

  it("accepts ids that collide with Object.prototype names", () => {
    const problem: Problem = {
      accounts: ["__proto__", "constructor", "toString", "hasOwnProperty"].map((id, i) => ({
        id,
        location: [-99 + i * 0.01, 19] as [number, number],
        workload: 1,
        ...(i === 0 ? { lockedRep: "__proto__" } : {}),
      })),
      reps: [
        { id: "__proto__", home: [-99, 19], capacity: 10 },
        { id: "valueOf", home: [-99.1, 19], capacity: 10 },
      ],
    };
    const plan = align(problem, { balance: { workload: 0.9 } });
    expect(plan.assignment.map((r) => r.accountId)).toEqual(["__proto__", "constructor", "toString", "hasOwnProperty"]);
    expect(plan.assignment[0].repId).toBe("__proto__");
    const scored = evaluate(problem, new Map(plan.assignment.map((r) => [r.accountId, r.repId])));
    expect(scored.metrics.objective).toBeCloseTo(plan.metrics.objective, 9);
  });

  it("names unknown ids in an evaluated assignment", () => {
    expect(() => evaluate(base(), [{ accountId: "zz", repId: "r1" }])).toThrow('assignment[0].accountId: "zz" is not the id of any account');
    expect(() => evaluate(base(), [{ accountId: "a1", repId: "zz" }])).toThrow('assignment[0].repId: "zz" is not the id of any rep');
  });
});
