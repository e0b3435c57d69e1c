import { ConflictError, type Violation } from '@govhall/errors';

/**
 * A second item with a basic code the tenant already has: changes to an item go through its editions. A conflict
 * (409) that names its field, so a form shows it under 基本编码 (google.rpc.BadRequest like a validation error).
 */
export class BasicCodeTakenError extends ConflictError {
  readonly violations: Violation[];

  constructor(basicCode: string) {
    const message = `本级已有基本编码为 ${basicCode} 的事项，同一事项只能有一个；如需调整，请在原事项上新建版本`;
    super('BASIC_CODE_TAKEN', message);
    this.violations = [{ path: 'basicCode', reason: 'BASIC_CODE_TAKEN', message }];
  }
}
