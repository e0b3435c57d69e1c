import { Metadata, status, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import { isDomainError, type DomainError, type Violation } from '@govhall/errors';
import { googleRpc } from '@govhall/proto';

const DETAILS_KEY = 'grpc-status-details-bin';
const DOMAIN = 'govhall.gov.cn';
/** Field violations sent with one error (see toGrpcStatus). */
export const MAX_VIOLATIONS = 20;

const CODE_BY_KIND: Record<DomainError['kind'], status> = {
  invalid: status.INVALID_ARGUMENT,
  not_found: status.NOT_FOUND,
  conflict: status.ALREADY_EXISTS,
  failed_precondition: status.FAILED_PRECONDITION,
  unauthenticated: status.UNAUTHENTICATED,
  forbidden: status.PERMISSION_DENIED,
  unavailable: status.UNAVAILABLE,
};

function any(typeName: string, value: Uint8Array) {
  return { typeUrl: `type.googleapis.com/${typeName}`, value: Buffer.from(value) };
}

/** Maps any thrown error to a gRPC status carrying google.rpc.Status details (ErrorInfo, BadRequest, LocalizedMessage). */
export function toGrpcStatus(error: unknown): Partial<StatusObject> & { code: status; details: string } {
  if (!isDomainError(error)) {
    return { code: status.INTERNAL, details: 'internal error', metadata: new Metadata() };
  }
  const code = error.code === 'CONCURRENT_MODIFICATION' ? status.ABORTED : CODE_BY_KIND[error.kind];
  const details = [
    any(
      'google.rpc.ErrorInfo',
      googleRpc.ErrorInfo.encode({ reason: error.code, domain: DOMAIN, metadata: error.metadata ?? {} }).finish(),
    ),
    any(
      'google.rpc.LocalizedMessage',
      googleRpc.LocalizedMessage.encode({ locale: 'zh-CN', message: error.message }).finish(),
    ),
  ];
  const all: Violation[] = 'violations' in error ? (error as { violations: Violation[] }).violations : [];
  // The details travel in one trailer, whose size the peers limit (8 KiB by default): the first violations say what
  // to fix; hundreds (a list of 100 empty rules) would make the trailer too large and the answer an INTERNAL error.
  const violations = all.slice(0, MAX_VIOLATIONS);
  if (violations.length > 0) {
    details.push(
      any(
        'google.rpc.BadRequest',
        googleRpc.BadRequest.encode({
          fieldViolations: violations.map((v) => ({ field: v.path, description: v.message, reason: v.reason ?? '' })),
        }).finish(),
      ),
    );
  }
  const metadata = new Metadata();
  metadata.set(DETAILS_KEY, Buffer.from(googleRpc.Status.encode({ code, message: error.message, details }).finish()));
  return { code, details: `${error.code}: ${error.message}`, metadata };
}

export interface DecodedGrpcError {
  code: status;
  /** Stable reason from ErrorInfo, e.g. VALIDATION_FAILED; '' when the server sent none. */
  reason: string;
  /** Message for a person (the LocalizedMessage), else the status details. */
  message: string;
  violations: Violation[];
  /** ErrorInfo metadata, e.g. {currentStatus: 'draft'} for WRONG_STATE; {} when the server sent none. */
  metadata: Record<string, string>;
}

/** True for the error a grpc-js call rejects with (a status code and trailing metadata). */
export function isServiceError(e: unknown): e is ServiceError {
  return typeof e === 'object' && e !== null && typeof (e as ServiceError).code === 'number' && 'metadata' in e;
}

/** Reads a grpc-js ServiceError back into code, reason, message and field violations. */
export function decodeGrpcError(error: ServiceError): DecodedGrpcError {
  const decoded: DecodedGrpcError = {
    code: error.code,
    reason: '',
    message: error.details,
    violations: [],
    metadata: {},
  };
  const raw = error.metadata?.get(DETAILS_KEY)[0];
  if (!raw || typeof raw === 'string') return decoded;
  const st = googleRpc.Status.decode(raw);
  for (const d of st.details) {
    const type = d.typeUrl.split('/').pop();
    if (type === 'google.rpc.ErrorInfo') {
      const info = googleRpc.ErrorInfo.decode(d.value);
      decoded.reason = info.reason;
      decoded.metadata = info.metadata;
    }
    if (type === 'google.rpc.LocalizedMessage') decoded.message = googleRpc.LocalizedMessage.decode(d.value).message;
    if (type === 'google.rpc.BadRequest') {
      decoded.violations = googleRpc.BadRequest.decode(d.value).fieldViolations.map((f) => ({
        path: f.field,
        message: f.description,
        reason: f.reason || undefined,
      }));
    }
  }
  return decoded;
}
