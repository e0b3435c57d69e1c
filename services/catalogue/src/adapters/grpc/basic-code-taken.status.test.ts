import { decodeGrpcError, toGrpcStatus } from '@govhall/grpc';
import type { ServiceError } from '@grpc/grpc-js';
import { BasicCodeTakenError } from '../../domain/basic-code-taken';

describe('a basic code the tenant already has', () => {
  it('is a conflict that names the basic code field in the gRPC status details', () => {
    const grpc = toGrpcStatus(new BasicCodeTakenError('000172028000'));
    const decoded = decodeGrpcError({ ...grpc, name: 'Error', message: grpc.details } as ServiceError);
    expect(decoded.reason).toBe('BASIC_CODE_TAKEN');
    expect(decoded.violations).toEqual([
      {
        path: 'basicCode',
        reason: 'BASIC_CODE_TAKEN',
        message: '本级已有基本编码为 000172028000 的事项，同一事项只能有一个；如需调整，请在原事项上新建版本',
      },
    ]);
  });
});
