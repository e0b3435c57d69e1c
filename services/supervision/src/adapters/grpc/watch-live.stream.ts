import { Metadata, type ServerWritableStream } from '@grpc/grpc-js';
import type { Principal } from '@govhall/auth';
import { UnauthenticatedError, isDomainError } from '@govhall/errors';
import { toGrpcStatus } from '@govhall/grpc';
import type { Logger } from '@govhall/logging';
import type { supervisionV1 } from '@govhall/proto';
import type { LiveUpdate } from '../../usecases/clocks.ports';
import type { SupervisionUseCases } from '../../usecases/supervision.use-cases';
import { toProtoClock, toProtoSignal } from '../proto/clocks.mapper';

export function toProtoLiveUpdate(u: LiveUpdate): supervisionV1.WatchLiveResponse {
  switch (u.kind) {
    case 'clock':
      return { update: { update: { $case: 'clock', value: toProtoClock(u.clock) } } };
    case 'signal_raised':
      return { update: { update: { $case: 'signalRaised', value: toProtoSignal(u.signal) } } };
    case 'signal_cleared':
      return { update: { update: { $case: 'signalCleared', value: toProtoSignal(u.signal) } } };
  }
}

/**
 * WatchLive, a server stream: the token is verified and the request checked once (an error ends the call with
 * its status), then every live update the caller may see is written until the client cancels.
 */
export function watchLiveHandler(
  uc: Pick<SupervisionUseCases, 'watchLive'>,
  verify: (header: string) => Promise<Principal>,
  logger: Pick<Logger, 'info' | 'error'>,
) {
  return (call: ServerWritableStream<supervisionV1.WatchLiveRequest, supervisionV1.WatchLiveResponse>) => {
    const header = call.metadata.get('authorization')[0]?.toString();
    const start = async () => {
      if (!header) throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
      const principal = await verify(header);
      return uc.watchLive(call.request, principal, (u) => call.write(toProtoLiveUpdate(u)));
    };
    start().then(
      (stop) => {
        const end = () => stop();
        call.on('cancelled', end);
        call.on('close', end);
        call.on('error', end);
        // Headers now, so the client knows the watch is in place before the first update.
        call.sendMetadata(new Metadata());
      },
      (err: unknown) => {
        if (isDomainError(err)) logger.info({ method: 'WatchLive', code: err.code }, 'rpc rejected');
        else logger.error({ method: 'WatchLive', err }, 'rpc failed');
        // grpc-js ends a server stream with the status of an emitted error (code, details, metadata with the details).
        call.emit('error', toGrpcStatus(err));
      },
    );
  };
}
