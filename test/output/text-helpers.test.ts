import { describe, expect, it } from "vitest";
import { attributeNames, withAttributes } from "../../src/output/attribute-names.js";
import { escapeXml } from "../../src/output/escape-xml.js";
import { formatNumber, formatPercent, formatSignedPercent } from "../../src/util/format-number.js";
import { escapeMarkdown, plainText } from "../../src/output/plain-text.js";

describe("attributeNames", () => {
  it("moves attributes named like fixed fields aside, repeating the prefix until the name is free", () => {
    const names = attributeNames(["id", "kind"], [
      { attributes: { id: 1, name: "x" } },
      { attributes: { "attributes.id": 2, kind: "k", "attributes.attributes.id": 3 } },
      {},
    ]);
    expect([...names]).toEqual([
      ["id", "attributes.attributes.attributes.id"],
      ["name", "name"],
      ["attributes.id", "attributes.id"],
      ["kind", "attributes.kind"],
      ["attributes.attributes.id", "attributes.attributes.id"],
    ]);
    expect(new Set(names.values()).size).toBe(names.size);
  });

  it("builds properties whose fixed fields no attribute can overwrite", () => {
    const attributes = { id: "spoof", size: 3 };
    const names = attributeNames(["id"], [{ attributes }]);
    expect(withAttributes([["id", "real"]], attributes, names)).toEqual({ id: "real", "attributes.id": "spoof", size: 3 });
  });
});

describe("text helpers", () => {
  it("formats numbers the same way on every machine", () => {
    expect(formatNumber(1234567.891, 1)).toBe("1,234,567.9");
    expect(formatNumber(-1234.5)).toBe("-1,235");
    expect(formatNumber(-0.04, 1)).toBe("0.0");
    expect(formatNumber(999.95, 1)).toBe("1,000.0");
    expect(formatNumber(Number.NaN)).toBe("–");
    expect(formatPercent(0.0431)).toBe("4.3 %");
    expect(formatSignedPercent(0.0431)).toBe("+4.3 %");
    expect(formatSignedPercent(-0.1)).toBe("-10.0 %");
    expect(formatSignedPercent(0.00001)).toBe("0.0 %");
  });

  it("escapes XML markup and replaces characters XML cannot hold", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
    expect(escapeXml("bell\u0007 tab\t lone\ud800 pair😀")).toBe("bell\ufffd tab\t lone\ufffd pair😀");
  });

  it("keeps Markdown and terminal text on one line with no control characters", () => {
    expect(plainText("a\r\nb\nc\u001b[31m")).toBe("a b c?[31m");
    expect(escapeMarkdown("r|1 *x* _y_ <b> [l](u) `c` #h ~s & \\")).toBe("r\\|1 \\*x\\* \\_y\\_ \\<b\\> \\[l\\](u) \\`c\\` \\#h \\~s \\& \\\\");
  });
});
