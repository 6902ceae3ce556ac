/**
 * A small XML well-formedness check for the SVGs under test: tags nest and close, attributes are
 * quoted, text and attribute values hold no raw `<` or stray `&`. Returns the list of problems.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const checkText = (text: string, where: string) => {
    if (text.replace(entity, "").includes("&")) problems.push(`stray & in ${where}: ${text.slice(0, 60)}`);
    if (text.includes("<")) problems.push(`raw < in ${where}`);
  };
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|<!--[\s\S]*?-->|<\?xml[^?]*\?>/g;
  let last = 0;
  let roots = 0;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    checkText(xml.slice(last, match.index), "text");
    last = tag.lastIndex;
    if (!match[2]) continue;
    const [, closing, name, attributes, selfClosing] = match;
    for (const [, value] of attributes.matchAll(/="([^"]*)"/g)) checkText(value, `attribute of <${name}>`);
    if (!closing && stack.length === 0 && roots++ > 0) problems.push(`second root element <${name}>`);
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else if (!selfClosing) stack.push(name);
  }
  checkText(xml.slice(last), "text");
  if (roots === 0) problems.push("no root element");
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(" > ")}`);
  const stripped = xml.replace(tag, "");
  if (/[<>]/.test(stripped.replace(/&[a-z]+;/g, ""))) problems.push("markup that is not a well-formed tag");
  return problems;
}
