import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError, type Violation } from '@govhall/errors';
import { safeTextPattern } from './common.schemas';
import { HttpProblem } from './problem';

const FILE_NAME = new RegExp(safeTextPattern(1), 'u');

/** What one upload route takes: a single file part, named `part`, of at most `maxBytes`. */
export interface SingleFileSpec {
  /** The multipart part's name (`photo`, `file`). */
  part: string;
  /** What the file is called to clerks, with its measure word: 张照片, 个附件. */
  noun: string;
  measure: string;
  /** The accepted types as told to clerks (the service checks the content): JPEG 或 PNG. */
  types: string;
  /** The service's limit on the content, in bytes, and as told to clerks (5 MiB). */
  maxBytes: number;
  sizeText: string;
  /** The service's limit on the file name, in characters. */
  maxNameLength: number;
  /** Text parts the route takes beside the file (validated by the route), e.g. a slip's level and reason. */
  fields?: readonly string[];
}

export interface SingleFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * The multipart parser for an encapsulated upload plugin: one file part of at most `spec.maxBytes`, a spare part so
 * that a second one is named (MAX_ITEMS) rather than cut off, and nothing else parsed as a body on these routes.
 */
export async function registerSingleFileParser(app: FastifyInstance, spec: SingleFileSpec): Promise<void> {
  app.removeAllContentTypeParsers();
  await app.register(multipart, {
    limits: {
      fileSize: spec.maxBytes,
      files: 2,
      fields: 2 + (spec.fields?.length ?? 0),
      parts: 4 + (spec.fields?.length ?? 0),
      fieldNameSize: 100,
      fieldSize: 64 * 1024,
      headerPairs: 20,
    },
  });
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

/** The one file part of the body, read whole; anything else refused (problem+json in Chinese) before any call. */
export async function readSingleFile(request: FastifyRequest, spec: SingleFileSpec): Promise<SingleFile> {
  return (await readFileWithFields(request, spec)).file;
}

/**
 * readSingleFile, and the text parts `spec.fields` declares (each at most once; the route validates their values).
 */
export async function readFileWithFields(
  request: FastifyRequest,
  spec: SingleFileSpec,
): Promise<{ file: SingleFile; fields: Record<string, string> }> {
  const { part: name, noun, measure } = spec;
  if (!request.isMultipart()) {
    throw new HttpProblem(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `请以 multipart/form-data 上传${noun}（文件部分的名称为 ${name}）`,
      [{ path: 'headers.content-type', message: '应为 multipart/form-data', reason: 'UNSUPPORTED_MEDIA_TYPE' }],
    );
  }
  const one = `一次只能上传一${measure}${noun}`;
  const violations: Violation[] = [];
  let file: SingleFile | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field' && spec.fields?.includes(part.fieldname)) {
        if (part.fieldname in fields) {
          violations.push({ path: part.fieldname, message: '该字段只能填写一次', reason: 'MAX_ITEMS' });
        } else {
          fields[part.fieldname] = String(part.value);
        }
        continue;
      }
      if (part.type !== 'file' || part.fieldname !== name) {
        if (part.type === 'file') await part.toBuffer();
        violations.push({
          path: part.fieldname,
          message: `不允许的字段：只能上传一${measure}${noun}（名称为 ${name}）`,
          reason: 'ADDITIONAL_PROPERTIES',
        });
        continue;
      }
      const content = await part.toBuffer();
      if (file) {
        violations.push({ path: name, message: one, reason: 'MAX_ITEMS' });
        continue;
      }
      file = { fileName: part.filename, contentType: part.mimetype, content };
      if (content.length === 0) violations.push({ path: name, message: `${noun}内容为空`, reason: 'REQUIRED' });
      if (!part.filename) {
        violations.push({ path: `${name}.fileName`, message: '缺少文件名', reason: 'REQUIRED' });
      } else if ([...part.filename].length > spec.maxNameLength || !FILE_NAME.test(part.filename)) {
        violations.push({
          path: `${name}.fileName`,
          message: `文件名应为1至${spec.maxNameLength}个字符，不能包含控制字符或不可见字符`,
          reason: 'PATTERN',
        });
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new HttpProblem(413, 'FILE_TOO_LARGE', `${noun}不能超过 ${spec.sizeText}`, [
        { path: name, message: `${noun}超过 ${spec.sizeText}`, reason: 'MAX_SIZE' },
      ]);
    }
    // More parts than one file and a spare: a request of another shape (400, as any other field), not too large.
    if (code === 'FST_FILES_LIMIT') throw new ValidationError([{ path: name, message: one, reason: 'MAX_ITEMS' }]);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new ValidationError([
        {
          path: name,
          message: `只能上传一${measure}${noun}（名称为 ${name}），不能有其他字段`,
          reason: 'ADDITIONAL_PROPERTIES',
        },
      ]);
    }
    // The parser's own refusals (busboy's errors carry no code: no boundary, a malformed part, an early end).
    if (!code || code.startsWith('FST_')) {
      throw new HttpProblem(400, 'MALFORMED_MULTIPART', `请求体不是有效的 multipart/form-data，请重新上传${noun}`, [
        { path: 'body', message: '不是有效的 multipart/form-data（缺少 boundary 或格式错误）', reason: 'MALFORMED' },
      ]);
    }
    throw e;
  }
  if (!file && violations.length === 0) {
    violations.push({ path: name, message: `请上传一${measure}${noun}（${spec.types}）`, reason: 'REQUIRED' });
  }
  if (violations.length > 0) throw new ValidationError(violations);
  return { file: file!, fields };
}
