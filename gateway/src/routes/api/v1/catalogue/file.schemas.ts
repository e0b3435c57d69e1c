import { Type, type Static } from '@sinclair/typebox';
import { RegionCode, SafeText, UUID } from '../../../../lib/common.schemas';

/** Raw upload: the body is the file, its content type the request's. */
export const UploadQuery = Type.Object(
  {
    tenant: RegionCode('租户（行政区划代码）'),
    fileName: SafeText(1, 120, '文件名，如“食品经营许可申请书.docx”'),
  },
  { additionalProperties: false },
);

export const UploadHeaders = Type.Object({
  'content-type': Type.String({
    pattern: '^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+',
    description: '文件的媒体类型，如 application/pdf',
  }),
});

export const FileParams = Type.Object(
  { id: Type.String({ pattern: UUID, description: '文件标识' }) },
  { additionalProperties: false },
);

export const ItemFile = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer({ description: '字节数' }),
  sha256: Type.String({ description: '内容的 SHA-256（十六进制）' }),
});
export type ItemFile = Static<typeof ItemFile>;

/** Documents a binary answer in OpenAPI; Fastify sends a Buffer as is, without a serializer. */
export const binary = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: { type: 'string', format: 'binary' } } },
});
