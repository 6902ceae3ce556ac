/**
 * Writes rows as CSV text (RFC 4180 quoting): a field is quoted when it contains a comma, a double
 * quote, CR or LF, and quotes inside it are doubled. A row that is a single empty field is written
 * as `""` so that it does not read back as a blank line. Lines end in LF (`\n`), not RFC 4180's
 * CRLF, to suit Unix tools and Git; every RFC 4180 reader accepts it. The text ends with a newline
 * (empty text for no rows).
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  let out = "";
  for (const row of rows) {
    out += row.length === 1 && row[0] === "" ? '""' : row.map(csvField).join(",");
    out += "\n";
  }
  return out;
}

/** One field, quoted when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
