import { status } from '@grpc/grpc-js';
import { maskText } from '@govhall/logging';
import { callUnary, type UnaryMethod } from './client';
import { decodeGrpcError, isServiceError } from './status-mapping';

/**
 * Calls a service's gRPC API as a named person or account, the way seeds and tools act: with that login's real
 * Keycloak access token, never the service's database. A refusal comes back as an {@link ApiRefusal} that names the
 * RPC and the service's ErrorInfo reason.
 */

/** A refusal of a service's API: the RPC, the gRPC code, the ErrorInfo reason, its metadata and field problems. */
export class ApiRefusal extends Error {
  constructor(
    readonly rpc: string,
    readonly code: status,
    readonly reason: string,
    detail: string,
    readonly metadata: Readonly<Record<string, string>> = {},
    readonly violations: readonly { path: string; reason?: string; message: string }[] = [],
  ) {
    // Messages may quote what was sent: ID numbers and phone numbers are masked.
    super(maskText(`${rpc}: ${reason || status[code]}: ${detail}`));
    this.name = 'ApiRefusal';
  }
}

/** Whether `err` is the API refusing with `code` and one of `reasons` (e.g. ALREADY_EXISTS: what a seed counts as done). */
export function isRefusal(err: unknown, code: status, reasons: readonly string[]): err is ApiRefusal {
  return err instanceof ApiRefusal && err.code === code && reasons.includes(err.reason);
}

/** Where the access tokens come from: e.g. @govhall/auth's PasswordLogins. */
export interface LoginTokens {
  token(login: string): Promise<string>;
}

/** One RPC as the login `as` (anonymous when omitted); `method` is the generated client's method. */
export type ActingCall = <Req, Res>(
  rpc: string,
  method: UnaryMethod<Req, Res>,
  request: Req,
  as?: string,
) => Promise<Res>;

/** The calls on `client` with tokens of `logins`, each with `deadlineMs`. */
export function actingCalls(client: object, options: { logins: LoginTokens; deadlineMs: number }): ActingCall {
  return async <Req, Res>(rpc: string, method: UnaryMethod<Req, Res>, request: Req, as?: string): Promise<Res> => {
    const authorization = as === undefined ? undefined : `Bearer ${await options.logins.token(as)}`;
    try {
      return await callUnary<Req, Res>(method.bind(client), request, {
        ...(authorization ? { authorization } : {}),
        deadlineMs: options.deadlineMs,
      });
    } catch (e) {
      if (!isServiceError(e)) throw e;
      const d = decodeGrpcError(e);
      throw new ApiRefusal(rpc, d.code, d.reason, d.message, d.metadata, d.violations);
    }
  };
}

/**
 * What a seed or tool prints when it fails: a refusal's message and its field problems (its stack says nothing), any
 * other error's stack; then `hint`.
 */
export function failureReport(what: string, err: unknown, hint = ''): string {
  const message = err instanceof Error ? err.message : String(err);
  const refusal = err instanceof ApiRefusal;
  const detail = err instanceof Error && !refusal ? (err.stack ?? message) : message;
  // A field problem's message may quote what was sent: masked like the refusal's own message.
  const violations =
    refusal && err.violations.length > 0 ? `\n${maskText(JSON.stringify(err.violations, null, 2))}` : '';
  return `${what} failed: ${detail}${hint}${violations}\n`;
}
