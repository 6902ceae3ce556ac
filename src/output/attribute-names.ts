/** Prefix given to an attribute whose name is taken by a property terralign writes itself. */
export const MOVED_ATTRIBUTE_PREFIX = "attributes.";

/**
 * Output names for free attributes, so they can sit beside fixed fields without clobbering them.
 * Every attribute key seen on any record (first-seen order, each record's keys in `Object.keys`
 * order) keeps its own name, unless that name is one of `reserved`: then it is written as
 * `attributes.<name>` (e.g. an attribute `id` becomes `attributes.id`), with the prefix repeated
 * until the name is free. Nothing is dropped and fixed fields are never overwritten.
 */
export function attributeNames(
  reserved: readonly string[],
  records: readonly { readonly attributes?: Readonly<Record<string, unknown>> }[],
): Map<string, string> {
  const keys = new Set<string>();
  for (const record of records) if (record.attributes) for (const key of Object.keys(record.attributes)) keys.add(key);
  const taken = new Set<string>([...reserved, ...keys]);
  const names = new Map<string, string>();
  const fixed = new Set(reserved);
  for (const key of keys) {
    if (!fixed.has(key)) {
      names.set(key, key);
      continue;
    }
    let name = MOVED_ATTRIBUTE_PREFIX + key;
    while (taken.has(name)) name = MOVED_ATTRIBUTE_PREFIX + name;
    taken.add(name);
    names.set(key, name);
  }
  return names;
}

/**
 * A properties object: `fixed` entries first, then the record's attributes under their output
 * names. Built with `Object.fromEntries`, so keys such as `__proto__` become ordinary own
 * properties. Attribute values are the caller's own values, not copies.
 */
export function withAttributes(
  fixed: readonly (readonly [string, unknown])[],
  attributes: Readonly<Record<string, unknown>> | undefined,
  names: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const entries: [string, unknown][] = fixed.map(([k, v]) => [k, v]);
  if (attributes) for (const key of Object.keys(attributes)) entries.push([names.get(key) ?? key, attributes[key]]);
  return Object.fromEntries(entries);
}
