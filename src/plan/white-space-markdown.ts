import { formatNumber, formatPercent } from "../util/format-number.js";
import { escapeMarkdown } from "../output/plain-text.js";
import type { WhiteSpace } from "./white-space.js";

/** Under-covered accounts listed by name; the rest are counted. */
const LISTED = 20;

/** What the white-space section shows beside the white space itself (input order). */
export interface WhiteSpaceContext {
  readonly ids: readonly string[];
  readonly tiers?: readonly (string | undefined)[];
  readonly visits?: ArrayLike<number>;
  /** Each account's rep: white space is then summed per territory. */
  readonly owners?: readonly (string | null | undefined)[];
}

/**
 * The white-space section of a Markdown report: totals, the under-covered accounts with the most
 * white space (up to 20) and, with owners, white space per territory.
 */
export function whiteSpaceMarkdown(space: WhiteSpace, context: WhiteSpaceContext): string[] {
  const lines = ["## White space", ""];
  lines.push(`Potential ${formatNumber(space.totalPotential, 2)}, sales ${formatNumber(space.totalSales, 2)}, white space ${formatNumber(space.totalWhiteSpace, 2)} (${formatPercent(space.totalPotential > 0 ? space.totalWhiteSpace / space.totalPotential : NaN)} of potential).`);
  lines.push(
    "",
    `Under-covered: ${formatNumber(space.underCoveredCount)} accounts with high potential (${formatNumber(space.highPotentialFrom, 2)} or more) and sales below the penetration threshold.`,
  );
  const flagged: number[] = [];
  for (let i = 0; i < space.underCovered.length; i++) if (space.underCovered[i]) flagged.push(i);
  flagged.sort((a, b) => space.whiteSpace[b] - space.whiteSpace[a] || a - b);
  if (flagged.length > 0) {
    lines.push("", `| Account |${context.tiers ? " Tier |" : ""}${context.owners ? " Rep |" : ""} White space |${context.visits ? " Visits |" : ""}`);
    lines.push(`|:--------|${context.tiers ? ":-----|" : ""}${context.owners ? ":----|" : ""}------------:|${context.visits ? "-------:|" : ""}`);
    for (const i of flagged.slice(0, LISTED)) {
      const tier = context.tiers ? ` ${escapeMarkdown(context.tiers[i] ?? "")} |` : "";
      const owner = context.owners ? ` ${escapeMarkdown(context.owners[i] ?? "–")} |` : "";
      const visits = context.visits ? ` ${formatNumber(context.visits[i], 1)} |` : "";
      lines.push(`| ${escapeMarkdown(context.ids[i])} |${tier}${owner} ${formatNumber(space.whiteSpace[i], 2)} |${visits}`);
    }
    if (flagged.length > LISTED) lines.push("", `… and ${formatNumber(flagged.length - LISTED)} more.`);
  }
  if (context.owners) {
    const byRep = new Map<string, { space: number; flagged: number; accounts: number }>();
    context.owners.forEach((owner, i) => {
      const key = owner ?? "(none)";
      const row = byRep.get(key) ?? { space: 0, flagged: 0, accounts: 0 };
      row.space += space.whiteSpace[i];
      row.flagged += space.underCovered[i];
      row.accounts++;
      byRep.set(key, row);
    });
    lines.push("", "| Territory | Accounts | White space | Under-covered |", "|:----------|---------:|------------:|--------------:|");
    for (const [rep, row] of [...byRep].sort((a, b) => b[1].space - a[1].space)) {
      lines.push(`| ${escapeMarkdown(rep)} | ${formatNumber(row.accounts)} | ${formatNumber(row.space, 2)} | ${formatNumber(row.flagged)} |`);
    }
  }
  return lines;
}
