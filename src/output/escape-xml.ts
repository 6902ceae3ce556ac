/**
 * Escapes text for XML content and attribute values: `& < > " '` become entities, and characters
 * XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE, U+FFFF) become
 * U+FFFD, so any id can be written into an SVG without breaking it.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/[&<>"']/g, (c) => entities[c]);
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
