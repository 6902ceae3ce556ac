/**
 * The HTML report in a real browser: headless Chromium from the system package manager, driven by
 * playwright-core. Each page is written to disk and opened from a file:// URL, as a sales leader
 * opens it. When Chromium is missing these tests say so loudly and skip themselves (only them).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../benchmarks/generate-instance.js";
import { align } from "../../src/align.js";
import { readAccounts, readReps, problemFromRecords } from "../../src/io/read-problem.js";
import type { Plan } from "../../src/model/plan.js";
import { toCompareHtml } from "../../src/report/to-compare-html.js";
import { toHtml } from "../../src/report/to-html.js";
import { runScenarios } from "../../src/realign/run-scenarios.js";
import { fullPlan } from "./report-plans.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(executablePath);
if (!available) {
  const line = "!".repeat(100);
  console.error(`\n${line}\n!!! Chromium not found at ${executablePath}: the browser tests of the HTML report are SKIPPED.\n!!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n${line}\n`);
}

const regenerate = process.env.REGEN === "1";
const screenshotFile = "docs/report.png";

let context: BrowserContext;
const folder = mkdtempSync(join(tmpdir(), "terralign-report-"));

beforeAll(async () => {
  if (!available) return;
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "terralign-chromium-")), {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await context?.close();
});

/** What a page did while it loaded and was used. */
interface Opened {
  readonly page: Page;
  /** Every request other than the report file itself. */
  readonly requests: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  readonly loadMs: number;
}

/** Writes the page to disk and opens it from its file:// URL; resolves once its script has drawn the map. */
async function open(name: string, html: string): Promise<Opened> {
  const file = join(folder, name);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => void (request.url() !== url && requests.push(request.url())));
  page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
  page.on("pageerror", (error) => void errors.push(error.message));
  const started = Date.now();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => !document.getElementById("map") || (document.getElementById("map-canvas") as HTMLCanvasElement).width > 0);
  return { page, requests, errors, loadMs: Date.now() - started };
}

/** A point, in page pixels, where the territory of `rep` is the topmost element. */
async function pointInTerritory(page: Page, rep: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((id) => {
    const path = Array.from(document.querySelectorAll("#map path[data-rep]")).find((p) => p.getAttribute("data-rep") === id)!;
    path.scrollIntoView({ block: "center", inline: "center" });
    const box = path.getBoundingClientRect();
    for (let i = 1; i < 40; i++) {
      for (let j = 1; j < 40; j++) {
        const x = box.left + (box.width * i) / 40, y = box.top + (box.height * j) / 40;
        if (document.elementFromPoint(x, y) === path) return { x, y };
      }
    }
    return null;
  }, rep);
  expect(point, `a visible point of ${rep}'s territory`).not.toBeNull();
  return point!;
}

function mexicoPlan(): Plan {
  const file = (path: string) => ({ file: path, text: readFileSync(path, "utf8") });
  const problem = problemFromRecords(readAccounts(file("examples/mexico/accounts.csv")), readReps(file("examples/mexico/reps.csv")));
  return align(problem, { ...JSON.parse(readFileSync("examples/mexico/options.json", "utf8")), seed: 1 });
}

describe.skipIf(!available)("the HTML report in headless Chromium", () => {
  let mexico: Plan;
  let opened: Opened;

  beforeAll(async () => {
    mexico = mexicoPlan();
    opened = await open("mexico.html", toHtml(mexico, { title: "Central Mexico — 16 reps" }));
  });

  it("opens from disk with no console error and no network request", () => {
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([]);
  });

  it("draws one territory shape and one table row per rep, and every account on the canvas", async () => {
    const { page } = opened;
    const reps = mexico.problem.reps.map((r) => r.id);
    expect(await page.locator("#map path[data-rep]").evaluateAll((ps) => ps.map((p) => p.getAttribute("data-rep")))).toEqual(reps);
    expect(await page.locator("#territory-table tbody tr[data-rep]").count()).toBe(reps.length);
    const painted = await page.evaluate(() => {
      const canvas = document.getElementById("map-canvas") as HTMLCanvasElement;
      const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(3000);
  });

  it("shows the tooltip with the rep, its workload against target and band, accounts and travel on hover", async () => {
    const { page } = opened;
    const rep = "R07";
    const t = mexico.territories.find((x) => x.repId === rep)!;
    const point = await pointInTerritory(page, rep);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.getByRole("tooltip");
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = await tooltip.innerText();
    expect(text).toContain(rep);
    expect(text).toMatch(/Workload [\d.,]+ h of [\d.,]+ h target/);
    expect(text).toMatch(/Band [\d.,]+–[\d.,]+ h \(±10 %\): inside/);
    expect(text).toContain(`${t.accountCount} accounts`);
    expect(text).toMatch(/Travel [\d,]+ min in all/);
    await page.mouse.move(2, 2);
    await expect.poll(() => tooltip.isVisible()).toBe(false);
  });

  it("highlights a territory and its table row together, whichever is clicked", async () => {
    const { page } = opened;
    const point = await pointInTerritory(page, "R09");
    await page.mouse.click(point.x, point.y);
    const selected = () => page.locator("#map .selected, #territory-table .selected").evaluateAll((es) => es.map((e) => `${e.tagName.toLowerCase()}:${e.getAttribute("data-rep")}`));
    expect(await selected()).toEqual(["path:R09", "tr:R09"]);
    await page.locator(`#territory-table tr[data-rep="R03"]`).click();
    expect(await selected()).toEqual(["path:R03", "tr:R03"]);
    expect(await page.locator("body.has-selection").count()).toBe(1);
    await page.locator(`#territory-table tr[data-rep="R03"]`).click();
    expect(await selected()).toEqual([]);
  });

  it("sorts the territory table by a click on a heading, and back the other way", async () => {
    const { page } = opened;
    const heading = page.locator("#territory-table thead th", { hasText: "Workload h" });
    const column = await heading.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
    const values = () => page.locator("#territory-table tbody tr").evaluateAll((rows, c) => rows.map((r) => Number((r as HTMLTableRowElement).cells[c as number].dataset.value)), column);
    await heading.click();
    const up = await values();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await heading.click();
    const down = await values();
    expect(down).toEqual([...up].reverse());
  });

  it("pans and zooms the map, keeping rep markers in step", async () => {
    const { page } = opened;
    const transform = () => page.locator("#map-view").getAttribute("transform");
    await page.locator('[data-zoom="in"]').click();
    await expect.poll(transform).toMatch(/scale\(2\)/);
    const box = (await page.locator("#map").boundingBox())!;
    await page.mouse.move(box.x + 300, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + 360, box.y + 330, { steps: 4 });
    await page.mouse.up();
    await page.waitForTimeout(100);
    // The drag picked nothing.
    expect(await page.locator(".selected").count()).toBe(0);
    const before = await page.locator("#map-overlay .rep").first().getAttribute("transform");
    await page.mouse.wheel(0, -300);
    await expect.poll(transform).not.toMatch(/scale\(2\)/);
    expect(await page.locator("#map-overlay .rep").first().getAttribute("transform")).not.toBe(before);
    await page.locator('[data-zoom="reset"]').click();
    await expect.poll(transform).toBe("translate(0 0) scale(1)");
  });

  it("takes a screenshot of the report for the README: one territory picked, another hovered", async () => {
    const { page, errors } = await open("mexico-shot.html", toHtml(mexico, { title: "Central Mexico — 16 reps" }));
    await page.setViewportSize({ width: 1280, height: 1500 });
    const picked = await pointInTerritory(page, "R09");
    await page.mouse.click(picked.x, picked.y);
    await page.evaluate(() => window.scrollTo(0, 0));
    const hovered = await pointInTerritory(page, "R07");
    await page.mouse.move(hovered.x, hovered.y);
    await expect.poll(() => page.getByRole("tooltip").isVisible()).toBe(true);
    expect(await page.locator("#map .selected, #territory-table .selected").count()).toBe(2);
    const target = regenerate || !existsSync(screenshotFile) ? screenshotFile : join(folder, "report.png");
    mkdirSync("docs", { recursive: true });
    await page.screenshot({ path: target, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    expect(statSync(target).size).toBeGreaterThan(50_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows performance, white space and changes of a plan with sales and current reps, without error", async () => {
    const { page, errors, requests } = await open("full.html", toHtml(fullPlan()));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await expect.poll(() => page.locator("#performance").isVisible()).toBe(true);
    expect(await page.locator("#territory-table .flag-high").count()).toBeGreaterThan(0);
    expect(await page.locator("#territory-table .flag-low").count()).toBeGreaterThan(0);
    await page.locator('input[data-layer="underCovered"]').uncheck();
    await page.locator('input[data-layer="moved"]').uncheck();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sorts the scenario comparison and links each scenario's report", async () => {
    const owner = new Map(mexico.assignment.map((r) => [r.accountId, r.repId]));
    const problem = { ...mexico.problem, accounts: mexico.problem.accounts.map((a) => ({ ...a, currentRep: owner.get(a.id) })) };
    const comparison = runScenarios(problem, [{ name: "base" }, { name: "R16 leaves", removeReps: ["R16"] }], { strategy: "transport", balance: { workload: 0.1 } });
    const { page, errors, requests } = await open("compare.html", toCompareHtml(comparison, { links: true }));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator("tr[data-scenario]").count()).toBe(2);
    await page.locator("#scenario-table th", { hasText: "Moves" }).click();
    expect(await page.locator("#scenario-table th[aria-sort]").getAttribute("aria-sort")).toBe("ascending");
    expect(await page.locator("#scenario-table a").first().getAttribute("href")).toMatch(/report\.html$/);
    await page.close();
  });

  // How long it takes to open is measured by `npm run bench:report` (the README quotes it), not asserted here.
  it("opens a 100,000-account plan of at most 25 MB, every account drawn, territories hoverable", async () => {
    const plan = align(generateInstance({ accounts: 100_000, reps: 200, seed: 1 }), { strategy: "transport" });
    const html = toHtml(plan);
    const megabytes = Buffer.byteLength(html) / 1e6;
    expect(megabytes).toBeLessThanOrEqual(25);
    const { page, errors, requests, loadMs } = await open("large.html", html);
    console.log(`report of 100,000 accounts: ${megabytes.toFixed(1)} MB, opened and drawn in ${loadMs} ms`);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator("#map path[data-rep]").count()).toBe(200);
    expect(await page.evaluate(() => (JSON.parse(document.getElementById("report-data")!.textContent!) as { map: { rep: number[] } }).map.rep.length)).toBe(100_000);
    const widest = await page.locator("#map path[data-rep]").evaluateAll((paths) => {
      const area = (p: Element) => p.getBoundingClientRect().width * p.getBoundingClientRect().height;
      return paths.reduce((a, b) => (area(b) > area(a) ? b : a)).getAttribute("data-rep")!;
    });
    const point = await pointInTerritory(page, widest);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.getByRole("tooltip").isVisible()).toBe(true);
    await page.close();
  }, 120_000);
});
