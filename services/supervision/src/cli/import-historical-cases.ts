/**
 * Operators' tool for the import of historical cases (S31, ADR 0044):
 *
 *   GOVHALL_TOKEN=<access token of a supervisor or center admin of the tenant> \
 *     node services/supervision/dist/cli/import-historical-cases.js <tenant> <file.jsonl>
 *
 * Sends the JSON Lines file to supervision's ImportHistoricalCases in parts of 1 000 lines (line numbers kept), then
 * prints one JSON line with the totals and one line per refused row (line, field, reason in Chinese). Supervision's
 * address comes from SUPERVISION_GRPC_ADDR (default 127.0.0.1:50057). Exits 0 when every part was answered (rows
 * may still have been refused: see the report), 1 when a call failed, 64 on bad usage. A rerun imports nothing twice.
 */
import { readFileSync } from 'node:fs';
import { callUnary, createGrpcClient, decodeGrpcError, isServiceError } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';

const PART_LINES = 1000;

async function main(argv: string[]): Promise<number> {
  const [tenant, file] = argv;
  const token = process.env.GOVHALL_TOKEN ?? '';
  if (!tenant || !file || !token) {
    process.stderr.write('usage: GOVHALL_TOKEN=<token> import-historical-cases <tenant> <file.jsonl>\n');
    return 64;
  }
  const lines = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
  const client = createGrpcClient(
    supervisionV1.HistoricalImportServiceClient,
    process.env.SUPERVISION_GRPC_ADDR ?? '127.0.0.1:50057',
    { serviceName: 'govhall.supervision.v1.HistoricalImportService', idempotentMethods: ['ImportHistoricalCases'] },
  );
  const totals = { imported: 0, alreadyImported: 0, rejected: 0 };
  try {
    for (let first = 0; first < lines.length; first += PART_LINES) {
      const answer = await callUnary<
        supervisionV1.ImportHistoricalCasesRequest,
        supervisionV1.ImportHistoricalCasesResponse
      >(
        client.importHistoricalCases.bind(client),
        { tenant, content: lines.slice(first, first + PART_LINES).join('\n'), firstLine: first },
        { authorization: `Bearer ${token}`, deadlineMs: 60_000 },
      );
      totals.imported += answer.imported;
      totals.alreadyImported += answer.alreadyImported;
      totals.rejected += answer.rejected.length;
      for (const p of answer.rejected) process.stdout.write(`${JSON.stringify({ rejected: p })}\n`);
    }
  } catch (e) {
    const why = isServiceError(e) ? decodeGrpcError(e) : { message: String(e) };
    process.stderr.write(`${JSON.stringify({ failed: why })}\n`);
    return 1;
  } finally {
    client.close();
  }
  process.stdout.write(`${JSON.stringify(totals)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  },
);
