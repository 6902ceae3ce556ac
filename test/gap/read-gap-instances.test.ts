import { describe, expect, it } from "vitest";
import { TerralignError } from "../../src/errors.js";
import { readGapInstances } from "../../src/gap/read-gap-instances.js";

const single = `2 3
 1 2 3
 4 5 6
 7 8 9
 1 1 1
 10 11`;

function failure(text: string): TerralignError {
  try {
    readGapInstances(text);
  } catch (error) {
    expect(error).toBeInstanceOf(TerralignError);
    return error as TerralignError;
  }
  throw new Error("expected readGapInstances to throw");
}

describe("readGapInstances", () => {
  it("reads a single instance: sizes, agent-major matrices and capacities as written", () => {
    const [instance] = readGapInstances(single);
    expect(instance.m).toBe(2);
    expect(instance.n).toBe(3);
    expect(Array.from(instance.cost)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(instance.resource)).toEqual([7, 8, 9, 1, 1, 1]);
    expect(Array.from(instance.capacity)).toEqual([10, 11]);
  });

  it("ignores line breaks: the same numbers on one line read the same", () => {
    expect(readGapInstances(single.replace(/\s+/g, " "))).toEqual(readGapInstances(single));
  });

  it("reads an OR-Library multi-instance file, count first", () => {
    const second = "1 2\n5 6\n1 1\n3";
    const instances = readGapInstances(`2\n${single}\n${second}\n`);
    expect(instances).toHaveLength(2);
    expect(instances[1].m).toBe(1);
    expect(Array.from(instances[1].cost)).toEqual([5, 6]);
    expect(Array.from(instances[1].capacity)).toEqual([3]);
  });

  it("rejects a non-numeric token, naming it with its line, column and index", () => {
    const error = failure(single.replace("5", "five"));
    expect(error.code).toBe("invalid_file");
    expect(error.message).toContain('"five"');
    expect(error.message).toContain("line 3");
    expect(error.message).toContain("token 7");
  });

  it("rejects a file with too few numbers, saying how many it needs", () => {
    const error = failure(single.split(/\s+/).slice(0, -2).join(" "));
    expect(error.code).toBe("invalid_file");
    expect(error.message).toMatch(/needs \d+ numbers|neither a single instance/);
  });

  it("rejects numbers left over after the announced instances", () => {
    const error = failure(`1\n${single} 99 98`);
    expect(error.code).toBe("invalid_file");
    expect(error.message).toContain("2 extra number(s)");
  });

  it("rejects a negative capacity, naming the agent and where it is", () => {
    const error = failure(single.replace("10 11", "10 -11"));
    expect(error.code).toBe("invalid_file");
    expect(error.message).toContain("capacity of agent 2 is negative (-11)");
    expect(error.message).toContain("line 6");
  });

  it("rejects a negative resource", () => {
    const error = failure(single.replace("7 8 9", "7 -8 9"));
    expect(error.message).toContain("resource of agent 1, job 2 is negative");
  });

  it("rejects an empty file and a non-integer size", () => {
    expect(failure("").code).toBe("invalid_file");
    expect(failure("2.5 3 1 2 3").message).toContain("count must be an integer");
  });
});
