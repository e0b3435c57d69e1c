import { Type } from '@sinclair/typebox';
import { SafeText } from '../../lib/common.schemas';
import { complaintKind } from '../api/v1/complaints/complaints.enums';

/* GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as GovHall answers it: JSON only (ADR 0067). */

const Jurisdiction = Type.Optional(
  Type.String({ pattern: '^\\d{6}$', description: '地区（6位行政区划代码）；部署只服务一个地区时可省略' }),
);
const ServiceCode = Type.Union(
  complaintKind.values.map((v) => Type.Literal(v)),
  { description: '服务代码（投诉类别）' },
);

export const JurisdictionQuery = Type.Object({ jurisdiction_id: Jurisdiction }, { additionalProperties: true });

/** A new service request (form-encoded or JSON); location, media and device fields are accepted and not used. */
export const CreateRequestBody = Type.Object(
  {
    jurisdiction_id: Jurisdiction,
    service_code: ServiceCode,
    description: Type.String({ ...SafeText(2, 2000, '投诉内容（10至2000字）', true), minLength: 10 }),
    first_name: Type.Optional(SafeText(0, 25, '名')),
    last_name: Type.Optional(SafeText(0, 25, '姓')),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    api_key: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: true },
);

export const ListRequestsQuery = Type.Object(
  {
    jurisdiction_id: Jurisdiction,
    service_request_id: Type.Optional(Type.String({ maxLength: 1200, description: '投诉编号，多个用逗号分隔' })),
    service_code: Type.Optional(ServiceCode),
    start_date: Type.Optional(Type.String({ format: 'date-time' })),
    end_date: Type.Optional(Type.String({ format: 'date-time' })),
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
  },
  { additionalProperties: true },
);

export const RequestParams = Type.Object(
  { id: Type.String({ pattern: '^TS\\d{19}$', description: '投诉编号' }) },
  { additionalProperties: false },
);
