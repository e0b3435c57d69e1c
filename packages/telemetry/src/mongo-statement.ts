/**
 * The `db.statement` of a MongoDB span: the command's shape, never its values. The instrumentation's default walks
 * the whole command through JSON.stringify with a replacer — every field of every inserted or saved document and
 * every byte of a binary (a stored PDF became an array of 60,000 numbers) — which was 13% of the cases service's
 * busy CPU under load (docs/benchmarks.md). Values are not wanted in spans anyway (ID and phone numbers never leave a process in telemetry): the
 * command name with its collection, and the keys of the filter, the update and the sort, one level deep.
 */
export function mongoStatementShape(command: Record<string, unknown>): string {
  const shape: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(command)) {
    if (key === 'lsid' || key === '$db' || key === '$clusterTime' || key === 'txnNumber') continue;
    if (typeof value === 'string' && Object.keys(shape).length === 0)
      shape[key] = value; // find: "cases"
    else if (Array.isArray(value)) shape[key] = `[${value.length}]`;
    else if (value && typeof value === 'object' && SHAPED.has(key)) shape[key] = keysOf(value);
    else shape[key] = '?';
  }
  return JSON.stringify(shape);
}

/** Parts of a command whose keys say what it does (filter fields, update operators, sort keys). */
const SHAPED = new Set(['filter', 'query', 'sort', 'projection', 'update', 'key', 'hint']);

function keysOf(value: object): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const k of Object.keys(value)) {
    if (++n > 20) {
      out['…'] = '?';
      break;
    }
    out[k] = '?';
  }
  return out;
}
