import * as fs from 'node:fs';
import * as path from 'node:path';
import { openApiDocument, type OpenApiDocument } from './openapi-dump';

// The route tables of gateway/README.md against the route schemas (through the OpenAPI document they generate):
// every route that takes a JSON body shows it, and where a row shows a request body or a success answer as
// `{a, b?, c: {d?}}`, it names exactly the schema's fields, with `?` on exactly the optional ones, at every level
// the row spells out.

const README = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');

interface DocField {
  name: string;
  optional: boolean;
  /** Fields of a nested object the row spells out (`scope: {…}`, `changes: [{…}]`). */
  fields?: DocField[];
}

/** Splits at top-level commas (outside braces and brackets). */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** `{a, b?, c: {d}}` → fields; null when the text is not such an object (a literal, an alternative `x | y`). */
function parseObject(text: string): DocField[] | null {
  const t = text.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return null;
  const fields: DocField[] = [];
  for (const part of splitTop(t.slice(1, -1))) {
    const m = /^([A-Za-z]+)(\?)?(?::\s*(.+))?$/s.exec(part);
    if (!m) return null;
    const [, name, optional, value] = m;
    const nested = value?.trim();
    const inner = nested?.startsWith('[') && nested.endsWith(']') ? nested.slice(1, -1) : nested;
    const sub = inner?.startsWith('{') ? parseObject(inner) : undefined;
    fields.push({ name: name!, optional: optional === '?', ...(sub ? { fields: sub } : {}) });
  }
  return fields;
}

interface DocRow {
  where: string;
  method: string;
  path: string;
  body?: DocField[];
  status?: string;
  answer?: DocField[];
}

/** The rows of the README's route tables under the `/api/v1/...` headings, with the objects they spell out. */
function documentedRows(): DocRow[] {
  const rows: DocRow[] = [];
  let prefix: string | undefined;
  for (const line of README.split('\n')) {
    const heading = /^### .*\(`(\/api\/v1\/[a-z-]+)`\)/.exec(line);
    if (heading) prefix = heading[1];
    else if (line.startsWith('## ') || line.startsWith('### ')) prefix = undefined;
    const row = /^\| `([A-Z]+)` \| `([^`]+)` \| [^|]+ \| (.+) \| (.+) \|$/.exec(line);
    if (!prefix || !row) continue;
    const [, method, route, request, success] = row;
    // `/` under a prefix is the prefix itself (POST /api/v1/cases).
    const path = `${prefix}${route!.split('?')[0]}`.replace(/(.)\/$/, '$1');
    // The request body: the first backticked object in the RPC cell (after the RPC's name).
    const bodyText = /`(\{[^`]*\})`/.exec(request!)?.[1];
    const answer = /^`(\d{3}) (\{[^`]*\})`/.exec(success!.trim());
    const body = bodyText ? parseObject(bodyText) : null;
    const answerFields = answer ? parseObject(answer[2]!) : null;
    rows.push({
      where: `${method} ${path}`,
      method: method!.toLowerCase(),
      path,
      ...(body ? { body } : {}),
      ...(answer && answerFields ? { status: answer[1], answer: answerFields } : {}),
    });
  }
  return rows;
}

type Schema = { properties?: Record<string, Schema>; required?: string[]; items?: Schema; $ref?: string };

/** Differences between what the README spells out and the schema, as readable lines. */
function compare(where: string, doc: DocField[], schema: Schema, resolve: (s: Schema) => Schema): string[] {
  const s = resolve(schema);
  const properties = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const problems: string[] = [];
  const documented = new Set(doc.map((f) => f.name));
  for (const name of Object.keys(properties)) {
    if (!documented.has(name)) problems.push(`${where}: ${name} is in the schema, not in the README`);
  }
  for (const f of doc) {
    const property = properties[f.name];
    if (!property) {
      problems.push(`${where}: ${f.name} is in the README, not in the schema`);
      continue;
    }
    if (f.optional === required.has(f.name)) {
      problems.push(
        `${where}: ${f.name} is ${required.has(f.name) ? 'required' : 'optional'}, the README says otherwise`,
      );
    }
    if (f.fields) {
      const p = resolve(property);
      problems.push(...compare(`${where} ${f.name}`, f.fields, p.items ? p.items : p, resolve));
    }
  }
  return problems;
}

async function openapi(): Promise<OpenApiDocument> {
  return openApiDocument({ CATALOGUE_GRPC_ADDR: '127.0.0.1:1' });
}

describe('gateway README route tables', () => {
  it('spell out request bodies and answers with the fields and optional marks of the route schemas', async () => {
    const doc = await openapi();
    const resolve = (s: Schema): Schema => {
      if (!s.$ref) return s;
      const name = s.$ref.split('/').pop()!;
      return resolve(doc.components.schemas[name]);
    };
    const rows = documentedRows();
    // The tables are found: every catalogue and identity route row, and the answers they spell out.
    expect(rows.length).toBeGreaterThanOrEqual(45);
    expect(rows.filter((r) => r.answer).length).toBeGreaterThanOrEqual(15);

    const problems: string[] = [];
    for (const row of rows) {
      const operation = doc.paths[row.path]?.[row.method];
      if (!operation) {
        problems.push(`${row.where}: no such route`);
        continue;
      }
      // Every JSON body is spelled out: a caller learns from the table which fields it must send.
      const body = operation.requestBody?.content?.['application/json']?.schema;
      if (row.body && !body) problems.push(`${row.where}: the README shows a body, the route takes no JSON body`);
      else if (body && !row.body) problems.push(`${row.where}: the route takes a JSON body the README does not show`);
      else if (body && row.body) problems.push(...compare(`${row.where} body`, row.body, body, resolve));
      if (row.answer) {
        const schema = operation.responses?.[row.status!]?.content?.['application/json']?.schema;
        if (!schema) problems.push(`${row.where}: no ${row.status} JSON answer`);
        else problems.push(...compare(`${row.where} ${row.status}`, row.answer, schema, resolve));
      }
    }
    expect(problems).toEqual([]);
  });
});
