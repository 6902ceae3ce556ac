import { escapeXml } from "../output/escape-xml.js";
import type { ReportData } from "./report-data.js";
import { reportScript } from "./report-script.js";
import { reportStyle } from "./report-style.js";

/** Escapes text for HTML content and attribute values (the XML escape serves HTML too). */
export const escapeHtml = escapeXml;

/** The parts of a report page. */
export interface PageParts {
  /** The page title (escaped here). */
  readonly title: string;
  /** A line under the title, as HTML. */
  readonly subtitle: string;
  /** The sections, as HTML. */
  readonly sections: readonly string[];
  /** The data the page script reads. */
  readonly data: ReportData;
}

/**
 * A complete, self-contained HTML5 page: the style sheet, the data (JSON) and the script are
 * inline, and a Content-Security-Policy forbids every fetch (`default-src 'none'`), so the page
 * opens from disk offline and cannot reach the network even by mistake.
 */
export function htmlPage(parts: PageParts): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="generator" content="terralign">`,
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${reportStyle}</style>`,
    "</head>",
    "<body>",
    `<header class="page"><h1>${escapeHtml(parts.title)}</h1><p>${parts.subtitle}</p></header>`,
    "<main>",
    ...parts.sections.filter((s) => s !== ""),
    "</main>",
    `<footer>Made by terralign. Everything on this page is in this one file; it makes no network request.</footer>`,
    `<script type="application/json" id="report-data">${jsonForScript(parts.data)}</script>`,
    `<script>${reportScript}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/**
 * JSON that is safe inside a `<script>` element: `<` is written as `\u003c` (so no `</script>`
 * or `<!--` can end it), and U+2028/U+2029 escaped.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
