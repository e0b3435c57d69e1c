import type { GrpcServer } from '@govhall/grpc';
import { paymentsV1 } from '@govhall/proto';
import type { queryPaymentCodeUseCase } from '../../usecases/bank/query-payment-code.usecase';
import type { receiveCallbackUseCase } from '../../usecases/bank/receive-callback.usecase';

export interface BankUseCases {
  queryPaymentCode: ReturnType<typeof queryPaymentCodeUseCase>;
  receiveCallback: ReturnType<typeof receiveCallbackUseCase>;
  afterWrite(): void;
}

const signed = (m: paymentsV1.SignedMessage | undefined) => ({ channel: m?.channel ?? '', jws: m?.jws ?? '' });

/** govhall.payments.v1.BankService: no token; the JWS signature is the authentication (docs/bank-protocol.md). */
export function registerBankService(server: GrpcServer, uc: BankUseCases): void {
  const impl: paymentsV1.BankServiceServer = {
    queryPaymentCode: server.unary<paymentsV1.QueryPaymentCodeRequest, paymentsV1.QueryPaymentCodeResponse>(
      'QueryPaymentCode',
      async (req) => uc.queryPaymentCode(signed(req.message)),
      { auth: 'none' },
    ),
    receiveCallback: server.unary<paymentsV1.ReceiveCallbackRequest, paymentsV1.ReceiveCallbackResponse>(
      'ReceiveCallback',
      async (req) => {
        const result = await uc.receiveCallback(signed(req.message));
        uc.afterWrite();
        return {
          outcome:
            result.outcome === 'accepted'
              ? paymentsV1.ReceiveCallbackResponse_Outcome.OUTCOME_ACCEPTED
              : paymentsV1.ReceiveCallbackResponse_Outcome.OUTCOME_DUPLICATE,
          noticeNumber: result.noticeNumber,
        };
      },
      { auth: 'none' },
    ),
  };
  server.addService('govhall.payments.v1.BankService', paymentsV1.BankServiceService, impl);
}
