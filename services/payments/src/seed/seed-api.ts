import { actingCalls, createGrpcClient, type LoginTokens } from '@govhall/grpc';
import { paymentsV1 } from '@govhall/proto';
import { feeCategory, fromProtoFeeItem } from '../adapters/grpc/notice.mapper';
import type { FeeRegisterApi, RegisterEntry } from './fee-register';

function entryOf(item: paymentsV1.FeeItem | undefined): RegisterEntry {
  return { ...fromProtoFeeItem(item), version: item?.version ?? 0 };
}

/**
 * The seed's calls over the RUNNING payments service's gRPC API at `address`, with real Keycloak access tokens of the
 * login it acts as; it never opens the service's database. ListFeeItems is retried while the service is briefly
 * unreachable; PutFeeItem is not (a create that went through answers its repeat with ALREADY_EXISTS). Errors name
 * the RPC and the service's reason.
 */
export function grpcPaymentsSeedApi(options: {
  address: string;
  logins: LoginTokens;
  deadlineMs?: number;
}): FeeRegisterApi & { close(): void } {
  const client = createGrpcClient(paymentsV1.PaymentsServiceClient, options.address, {
    serviceName: 'govhall.payments.v1.PaymentsService',
    idempotentMethods: ['ListFeeItems'],
    maxAttempts: 5,
  });
  const call = actingCalls(client, { logins: options.logins, deadlineMs: options.deadlineMs ?? 15_000 });
  return {
    async listFeeItems(tenant, as) {
      const res = await call<paymentsV1.ListFeeItemsRequest, paymentsV1.ListFeeItemsResponse>(
        'ListFeeItems',
        client.listFeeItems,
        { tenant, includeRetired: true },
        as,
      );
      return res.items.map(entryOf);
    },
    async putFeeItem(item, expectedVersion, as) {
      const res = await call<paymentsV1.PutFeeItemRequest, paymentsV1.PutFeeItemResponse>(
        'PutFeeItem',
        client.putFeeItem,
        {
          item: {
            ...item,
            category: feeCategory.toProto(item.category),
            version: 0,
            updatedAt: undefined,
            updatedBy: '',
          },
          expectedVersion,
        },
        as,
      );
      return entryOf(res.item);
    },
    close: () => client.close(),
  };
}
