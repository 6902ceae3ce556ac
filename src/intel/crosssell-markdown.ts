import { formatNumber, formatPercent } from "../util/format-number.js";
import type { Recommendations } from "./recommend-products.js";

/** The cross-sell report as Markdown: what was recommended, how the blend was chosen, and the honest evaluation against popularity. */
export function crosssellMarkdown(r: Recommendations, source: string): string {
  const e = r.evaluation;
  const w = r.blend;
  const lines = [
    `# Next product: ${source}`,
    "",
    `- ${formatNumber(r.accounts.length)} accounts, ${formatNumber(r.products.length)} products`,
    `- Blend: ${formatPercent(w.items, 0)} items bought together (EASE, λ ${formatNumber(r.lambda, 1)}), ${formatPercent(w.attributes, 0)} per-product models on account attributes, ${formatPercent(w.popularity, 0)} popularity${r.fellBack ? " — no blend beat popularity in validation, so popularity alone is used" : ""}`,
    "",
    "## Evaluation",
    "",
    e.method === "time split"
      ? "Time split: products first bought in the last 20 % of the dates are hidden; the procedure (blend chosen again on the earlier purchases) recommends from the earlier ones."
      : "Leave-one-out: one product of every account owning two or more is hidden; the procedure (blend chosen again on the rest) recommends from the rest.",
    `${formatNumber(e.accounts)} accounts evaluated; blend chosen on the training part: ${formatPercent(e.blend.items, 0)} items, ${formatPercent(e.blend.attributes, 0)} attributes, ${formatPercent(e.blend.popularity, 0)} popularity.`,
    "",
    "| k | hit rate | popularity | precision | popularity | recall | popularity |",
    "|---:|---:|---:|---:|---:|---:|---:|",
    ...e.model.map((m, i) => {
      const p = e.popularity[i];
      return `| ${m.k} | ${formatPercent(m.hitRate)} | ${formatPercent(p.hitRate)} | ${formatPercent(m.precision)} | ${formatPercent(p.precision)} | ${formatPercent(m.recall)} | ${formatPercent(p.recall)} |`;
    }),
    "",
    "Hit rate: share of accounts with a hidden product among their top k. Precision: hidden products found / k. Recall: hidden products found / hidden.",
  ];
  const warnings = [...(r.unknownAccounts > 0 ? [`${formatNumber(r.unknownAccounts)} purchase${r.unknownAccounts === 1 ? " names an account" : "s name accounts"} not in the accounts; kept, without attributes`] : []), ...r.warnings];
  if (warnings.length > 0) lines.push("", "## Warnings", "", ...warnings.map((warning) => `- ${warning}`));
  return `${lines.join("\n")}\n`;
}
