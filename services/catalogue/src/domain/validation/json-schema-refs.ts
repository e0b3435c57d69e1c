/** Local references inside a JSON Schema: JSON pointers and $dynamicAnchor names (pure, no I/O). */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value a local JSON pointer ('#/$defs/x', '#' for the root) designates, or undefined. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(segment)) node = node[Number(segment)];
    else if (isPlainObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

function findAnchor(node: unknown, name: string): unknown {
  if (Array.isArray(node)) {
    for (const entry of node) {
      const found = findAnchor(entry, name);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isPlainObject(node)) return undefined;
  if (node.$dynamicAnchor === name) return node;
  return findAnchor(Object.values(node), name);
}

/** The subschema a local reference designates: a JSON pointer ('#/$defs/x', '#') or a $dynamicAnchor ('#addr'). */
export function resolveRef(root: unknown, ref: string): unknown {
  if (ref === '#' || ref.startsWith('#/')) return resolvePointer(root, ref);
  return ref.startsWith('#') ? findAnchor(root, ref.slice(1)) : undefined;
}
