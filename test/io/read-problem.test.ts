import { describe, expect, it } from "vitest";
import { TerralignError } from "../../src/errors.js";
import { readAccounts, readProblem, readReps } from "../../src/io/read-problem.js";

const reps = { file: "reps.csv", text: "id,lng,lat,capacity\nR1,-99.1,19.4,40\nR2,-100.3,25.7,40\n" };
const accountsCsv = (rows: string, header = "id,lng,lat,workload,potential") => ({ file: "accounts.csv", text: `${header}\n${rows}` });

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TerralignError) return error.message;
    throw error;
  }
  throw new Error("expected a TerralignError");
}

describe("reading accounts and reps from CSV", () => {
  it("builds accounts with [lng, lat] locations and numeric fields", () => {
    const problem = readProblem(accountsCsv("A1,-99.2,19.5,3.5,1200\nA2,-99.3,19.6,2,0\n"), reps);
    expect(problem.accounts).toEqual([
      { id: "A1", location: [-99.2, 19.5], workload: 3.5, potential: 1200 },
      { id: "A2", location: [-99.3, 19.6], workload: 2, potential: 0 },
    ]);
    expect(problem.reps[0]).toEqual({ id: "R1", home: [-99.1, 19.4], capacity: 40 });
  });

  it("matches column names case-insensitively and accepts lon/longitude/latitude and snake or camel case", () => {
    const { accounts } = readAccounts(accountsCsv("A1,-99.2,19.5,1,R9,R9\n", "ID,Longitude,LATITUDE,Workload,currentRep,Locked Rep"));
    expect(accounts[0]).toEqual({ id: "A1", location: [-99.2, 19.5], workload: 1, currentRep: "R9", lockedRep: "R9" });
    expect(readAccounts(accountsCsv("A1,5,6,1\n", "id,lon,lat,workload")).accounts[0].location).toEqual([5, 6]);
  });

  it("reads every optional account field and leaves out fields whose cells are empty", () => {
    const header = "id,lng,lat,workload,potential,visits,tier,segment,region,unit,current_rep,locked_rep";
    const { accounts } = readAccounts(accountsCsv("A1,1,2,3,4,2,A,hospital,north,Z1,R1,R2\nA2,1,2,3,,,,,,,,\n", header));
    expect(accounts[0]).toEqual({
      id: "A1", location: [1, 2], workload: 3, potential: 4, visits: 2, tier: "A", segment: "hospital", region: "north", unit: "Z1", currentRep: "R1", lockedRep: "R2",
    });
    expect(accounts[1]).toEqual({ id: "A2", location: [1, 2], workload: 3 });
  });

  it("carries every other column into attributes as the original string", () => {
    const { accounts } = readAccounts(accountsCsv('A1,1,2,3,"Farmacia ""Sol"", centro",007,\n', "id,lng,lat,workload,name,code,empty"));
    expect(accounts[0].attributes).toEqual({ name: 'Farmacia "Sol", centro', code: "007", empty: "" });
  });

  it("keeps ids and attribute names such as __proto__ and constructor as plain data", () => {
    const { accounts } = readAccounts(accountsCsv("__proto__,1,2,3,x,y\nconstructor,1,2,3,x,y\n", "id,lng,lat,workload,__proto__,toString"));
    expect(accounts.map((a) => a.id)).toEqual(["__proto__", "constructor"]);
    expect(Object.keys(accounts[0].attributes!)).toEqual(["__proto__", "toString"]);
    expect(Object.getPrototypeOf(accounts[0].attributes)).toBe(Object.prototype);
  });

  it("splits rep segments on semicolons and reads region and max_travel_minutes", () => {
    const { reps: read } = readReps({ file: "reps.csv", text: "id,lng,lat,capacity,segments,region,max_travel_minutes,name\nR1,1,2,40, retail ; hospital ,north,90,Ana\nR2,1,2,40,,,,Bo\n" });
    expect(read[0]).toEqual({ id: "R1", home: [1, 2], capacity: 40, segments: ["retail", "hospital"], region: "north", maxTravelMinutes: 90, attributes: { name: "Ana" } });
    expect(read[1]).toEqual({ id: "R2", home: [1, 2], capacity: 40, attributes: { name: "Bo" } });
  });

  it("does not mutate anything it is given and returns the same accounts for the same text", () => {
    const input = accountsCsv("A1,1,2,3,4\n");
    const copy = { ...input };
    expect(readAccounts(input).accounts).toEqual(readAccounts(input).accounts);
    expect(input).toEqual(copy);
  });
});

describe("reading accounts from JSON and GeoJSON", () => {
  it("reads a GeoJSON FeatureCollection of Points: properties hold the fields, the geometry the location", () => {
    const text = JSON.stringify({
      type: "FeatureCollection",
      features: [
        { type: "Feature", id: "A1", geometry: { type: "Point", coordinates: [-99.2, 19.5] }, properties: { workload: 2, current_rep: "R1", name: "Sol" } },
        { type: "Feature", geometry: { type: "Point", coordinates: [-99.3, 19.6] }, properties: { id: "A2", workload: "1.5" } },
      ],
    });
    const problem = readProblem({ file: "accounts.geojson", text }, reps);
    expect(problem.accounts).toEqual([
      { id: "A1", location: [-99.2, 19.5], workload: 2, currentRep: "R1", attributes: { name: "Sol" } },
      { id: "A2", location: [-99.3, 19.6], workload: 1.5 },
    ]);
  });

  it("reads a JSON array of flat records and an object with an accounts array of model-shaped records", () => {
    const flat = readAccounts({ file: "a.json", text: JSON.stringify([{ id: "A1", lon: 1, lat: 2, workload: 3, tier: "B" }]) });
    expect(flat.accounts).toEqual([{ id: "A1", location: [1, 2], workload: 3, tier: "B" }]);
    const shaped = readAccounts({ file: "a.json", text: JSON.stringify({ accounts: [{ id: "A1", location: [1, 2], workload: 3, currentRep: "R1", attributes: { x: 1 } }] }) });
    expect(shaped.accounts).toEqual([{ id: "A1", location: [1, 2], workload: 3, currentRep: "R1", attributes: { x: 1 } }]);
  });

  it("reads reps from a JSON object with a reps array, segments as an array", () => {
    const { reps: read } = readReps({ file: "reps.json", text: JSON.stringify({ reps: [{ id: "R1", home: [1, 2], capacity: 40, segments: ["retail"] }] }) });
    expect(read).toEqual([{ id: "R1", home: [1, 2], capacity: 40, segments: ["retail"] }]);
  });

  it("names the feature and field of a bad value", () => {
    const text = JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Point", coordinates: [1, 2] }, properties: { id: "A1", workload: "lots" } }] });
    expect(messageOf(() => readAccounts({ file: "a.geojson", text }))).toBe('a.geojson features[0].properties.workload: "lots" is not a number');
    const polygon = JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Polygon", coordinates: [] }, properties: {} }] });
    expect(messageOf(() => readAccounts({ file: "a.geojson", text: polygon }))).toBe('a.geojson features[0].geometry: expected a Point, got "Polygon"; accounts and reps are points');
  });

  it("names array positions, coordinates and model paths in JSON records", () => {
    const reps = { file: "reps.json", text: JSON.stringify({ reps: [{ id: "R1", home: [1, "x"], capacity: 40 }] }) };
    expect(messageOf(() => readReps(reps))).toBe('reps.json reps[0].home[1]: "x" is not a number');
    const accounts = { file: "a.json", text: JSON.stringify([{ id: "A1", location: [1, 2], workload: 3 }, { id: "A2", location: [1, 95], workload: 3 }]) };
    const good = { file: "reps.json", text: JSON.stringify([{ id: "R1", home: [1, 2], capacity: 40 }]) };
    expect(messageOf(() => readProblem(accounts, good))).toMatch(/^a\.json \[1\]\.location\[1\]: latitude 95 is outside \[-90, 90\]/);
    const features = JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", id: "A1", geometry: { type: "Point", coordinates: [1, -91] }, properties: { workload: 1 } }] });
    expect(messageOf(() => readProblem({ file: "a.geojson", text: features }, good))).toMatch(/^a\.geojson features\[0\]\.geometry\.coordinates\[1\]: latitude -91/);
  });

  it("reports invalid JSON with its line", () => {
    expect(messageOf(() => readAccounts({ file: "a.json", text: '[\n{"id": "A1",}\n]' }))).toMatch(/^a\.json line 2: not valid JSON/);
  });
});

describe("bad cells name the file, line, column and value", () => {
  it.each([
    ["abc", '"abc" is not a number'],
    ["", '"" is not a number (the cell is empty)'],
    ["1,5", '"1,5" is not a number; use a dot as the decimal separator, or read the file with --decimal-comma'],
    ["Infinity", '"Infinity" is not a number; it must be finite'],
    ["NaN", '"NaN" is not a number; it must be finite'],
  ])("workload %j", (value, message) => {
    const cell = value.includes(",") ? `"${value}"` : value;
    const rows = `A1,1,2,3,4\n${"A2,1,2,3,4\n".repeat(11)}A13,1,2,${cell},4\n`;
    expect(messageOf(() => readProblem(accountsCsv(rows), reps))).toBe(`accounts.csv line 14, column workload: ${message}`);
  });

  it("names the column as it is written in the file", () => {
    expect(messageOf(() => readProblem(accountsCsv("A1,x,2,3\n", "id,Longitude,lat,workload"), reps))).toBe('accounts.csv line 2, column Longitude: "x" is not a number');
  });

  it("names a missing required column and lists the columns found", () => {
    expect(messageOf(() => readProblem(accountsCsv("A1,1,2,4\n", "id,lng,lat,potential"), reps))).toBe(
      'accounts.csv: missing required column "workload"; columns found: id, lng, lat, potential',
    );
    expect(messageOf(() => readProblem(accountsCsv("A1,1,3\n", "id,lng,workload"), reps))).toBe(
      'accounts.csv: missing required column "lat" (or "latitude"); columns found: id, lng, workload',
    );
    // A semicolon header is read as a semicolon file, so its columns are found one by one.
    expect(messageOf(() => readProblem(accountsCsv("A1;1;2;4\n", "id;lng;lat;potential"), reps))).toBe(
      'accounts.csv: missing required column "workload"; columns found: id, lng, lat, potential',
    );
  });

  it("rejects two columns that give the same field", () => {
    expect(messageOf(() => readProblem(accountsCsv("A1,1,1,2,3\n", "id,lng,longitude,lat,workload"), reps))).toBe(
      'accounts.csv line 1: columns "lng" and "longitude" both give the lng; keep one',
    );
  });
});

describe("validation errors point at the line of the file", () => {
  const rows = (bad: string) => `A1,1,2,3,4\nA2,1,2,3,4\n${bad}\n`;

  it("negative workload", () => {
    expect(messageOf(() => readProblem(accountsCsv(rows("A3,1,2,-3,4")), reps))).toBe("accounts.csv line 4, column workload: workload -3 must not be negative");
  });

  it("duplicate account id names both lines", () => {
    expect(messageOf(() => readProblem(accountsCsv(rows("A1,1,2,3,4")), reps))).toBe('accounts.csv line 4, column id: duplicate account id "A1" (also used by accounts.csv line 2)');
  });

  it("latitude out of range names the lat column and hints at swapped columns", () => {
    expect(messageOf(() => readProblem(accountsCsv(rows("A3,19.4,-99.1,3,4")), reps))).toMatch(
      /^accounts\.csv line 4, column lat: latitude -99\.1 is outside \[-90, 90\]; it looks swapped/,
    );
  });

  it("unknown current_rep", () => {
    expect(messageOf(() => readProblem(accountsCsv("A1,1,2,3,R7\n", "id,lng,lat,workload,current_rep"), reps))).toBe(
      'accounts.csv line 2, column current_rep: currentRep "R7" is not the id of any rep; if that rep has left, set options.disruption.orphans to "assign" to place its accounts freely',
    );
  });

  it("zero capacity and no reps name the reps file", () => {
    const zero = { file: "reps.csv", text: "id,lng,lat,capacity\nR1,1,2,40\nR2,1,2,0\n" };
    expect(messageOf(() => readProblem(accountsCsv(rows("A3,1,2,3,4")), zero))).toBe("reps.csv line 3, column capacity: capacity 0 must be a positive number of hours");
    const none = { file: "reps.csv", text: "id,lng,lat,capacity\n" };
    expect(messageOf(() => readProblem(accountsCsv(rows("A3,1,2,3,4")), none))).toMatch(/^reps\.csv: no reps given/);
  });

  it("keeps the stable error code", () => {
    try {
      readProblem(accountsCsv(rows("A1,1,2,3,4")), reps);
    } catch (error) {
      expect((error as TerralignError).code).toBe("duplicate_id");
      return;
    }
    throw new Error("expected an error");
  });
});
