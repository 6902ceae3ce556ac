import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildReportScript, reportScriptFile } from "../../scripts/build-report-script.js";

describe("the report page's script", () => {
  it("is stored as built from src/report/browser (npm run report-script rebuilds it)", async () => {
    expect(readFileSync(reportScriptFile, "utf8")).toBe(await buildReportScript());
  });

  it("is a classic script with no module syntax, no network call and no way to end its script element", async () => {
    const { reportScript } = await import("../../src/report/report-script.js");
    expect(reportScript).not.toMatch(/^\s*(import|export)\s/m);
    expect(reportScript).not.toMatch(/<\/script|<!--/i);
    expect(reportScript).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|import\(/);
    expect(() => new Function(reportScript)).not.toThrow();
  });
});
