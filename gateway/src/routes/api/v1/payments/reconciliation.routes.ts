import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Role } from '@govhall/auth';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { readSingleFile, registerSingleFileParser, type SingleFileSpec } from '../../../../lib/single-file-upload';
import { partAwareValidators } from '../../../../lib/validator-compiler';
import { mismatchKind, mismatchState } from './payments.enums';
import { mismatchToRest, statementToRest } from './reconciliation.mapper';
import {
  ImportAnswer,
  ImportQuery,
  MismatchAnswer,
  MismatchesQuery,
  MismatchPage,
  MismatchParams,
  ResolveBody,
  StatementPage,
  StatementsQuery,
} from './reconciliation.schemas';

const tags = ['payments'];
/** Who reads the reconciliation (the service checks the tenant). */
const READERS: readonly Role[] = ['finance_reconciler', 'center_admin', 'supervisor'];
/** reconciliation_service.proto: the statement file, at most 5 MiB (the service checks the content). */
export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;
const STATEMENT: SingleFileSpec = {
  part: 'statement',
  noun: '对账单文件',
  measure: '个',
  types: 'CSV，GB18030 或带 BOM 的 UTF-8 编码',
  maxBytes: MAX_STATEMENT_BYTES,
  sizeText: '5 MiB',
  maxNameLength: 64,
};

/** The statement upload: an encapsulated plugin, so its multipart parser applies to this route alone. */
const statementUpload: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (upload, opts) => {
  const call = grpcCall(upload, 'reconciliation', opts.deadlineMs);
  await registerSingleFileParser(upload, STATEMENT);
  const compile = partAwareValidators()({}, {});
  upload.post(
    '/statements',
    {
      config: { auth: { roles: ['finance_reconciler'] } },
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : compile(route)),
      schema: {
        tags,
        summary:
          '导入银行对账单（multipart/form-data，部分名称 statement，CSV，GB18030 或带 BOM 的 UTF-8，不超过 5 MiB）；同一文件重复导入不作改动',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        body: Type.Object({ statement: Type.String({ format: 'binary', description: '对账单 CSV 文件' }) }),
        response: { 200: ImportAnswer, 201: ImportAnswer, ...problems(400, 401, 403, 409, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const file = await readSingleFile(request, STATEMENT);
      const res = await call(
        request,
        'importStatement',
        { tenant: request.query.tenant ?? '', fileName: file.fileName, content: file.content },
        { tenant: 'querystring.tenant', fileName: 'statement.fileName', content: 'statement' },
      );
      if (!res.statement) throw new Error('payments answered without a statement');
      return reply.code(res.created ? 201 : 200).send({
        statement: statementToRest(res.statement),
        created: res.created,
        mismatches: res.mismatches.map(mismatchToRest),
      });
    },
  );
};

/**
 * The daily reconciliation (对账): the finance reconciler uploads the bank's statement (multipart, one `statement`
 * part), reads statements and mismatches, and resolves a mismatch with a note.
 */
const reconciliationRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'reconciliation', opts.deadlineMs);
  await app.register(statementUpload, { deadlineMs: opts.deadlineMs });

  app.get(
    '/statements',
    {
      config: { auth: { roles: READERS } },
      schema: {
        tags,
        summary: '已导入的银行对账单（清算日期新的在前）',
        querystring: StatementsQuery,
        response: { 200: StatementPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listStatements',
        { tenant: q.tenant ?? '', page: pageOf(q) },
        queryFields('tenant', 'page'),
      );
      return { statements: res.statements.map(statementToRest), ...pageAnswer(res.page, res.statements.length) };
    },
  );

  app.get(
    '/mismatches',
    {
      config: { auth: { roles: READERS } },
      schema: {
        tags,
        summary: '对账差异（新的在前），可按对账单、类型、处理状态筛选',
        querystring: MismatchesQuery,
        response: { 200: MismatchPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listMismatches',
        {
          tenant: q.tenant ?? '',
          statementId: q.statementId ?? '',
          kind: q.kind ? mismatchKind.toProto(q.kind) : 0,
          state: q.state ? mismatchState.toProto(q.state) : 0,
          page: pageOf(q),
        },
        queryFields('tenant', 'statementId', 'page'),
      );
      return { mismatches: res.mismatches.map(mismatchToRest), ...pageAnswer(res.page, res.mismatches.length) };
    },
  );

  app.post(
    '/mismatches/:id/resolve',
    {
      config: { auth: { roles: ['finance_reconciler'] } },
      schema: {
        tags,
        summary: '处理对账差异（填写处理说明）',
        params: MismatchParams,
        body: ResolveBody,
        response: { 200: MismatchAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'resolveMismatch',
        { id: request.params.id, note: request.body.note, expectedVersion: request.body.expectedVersion ?? 0 },
        { id: 'params.id' },
      );
      if (!res.mismatch) throw new Error('payments answered without a mismatch');
      return { mismatch: mismatchToRest(res.mismatch) };
    },
  );
};

export default reconciliationRoutes;
