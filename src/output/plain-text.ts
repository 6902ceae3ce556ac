/** Text safe to print on a terminal or in a table cell: control characters become `?`, line breaks a space. */
export function plainText(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}

/** Text safe inside Markdown (including table cells): punctuation Markdown acts on is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return plainText(text).replace(/[\\`*_[\]<>|#~&]/g, "\\$&");
}
