import { hasAnyRole, tenantScope, type Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError, ValidationError, type Violation } from '@govhall/errors';
import { textOf } from '../../../domain/texts';
import type { ComplaintChannelInfo, ComplaintChannels } from '../ports';

const TENANT = /^\d{6}$/;
/** A landline with its area code, a hotline such as 12345, or a mobile. */
const PHONE = /^(?:0\d{2,3}-?\d{7,8}|1\d{4}|1[3-9]\d{9})$/;

/** C14: where the tenant's complaints go (unit, phone, address, procedure). Public; not set yet: CHANNEL_NOT_SET. */
export function getComplaintChannelUseCase(deps: { channels: ComplaintChannels }) {
  return async (tenant: string): Promise<ComplaintChannelInfo> => {
    if (!TENANT.test(tenant ?? '')) {
      throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '请选择地区（6位行政区划代码）' }]);
    }
    const found = await deps.channels.get(tenant);
    if (!found) throw new NotFoundError('CHANNEL_NOT_SET', '该地区尚未公布投诉渠道');
    return found;
  };
}

/** A center administrator of the tenant publishes its complaint channel (versioned: 0 for the first). */
export function setComplaintChannelUseCase(deps: { channels: ComplaintChannels }) {
  return async (
    command: Omit<ComplaintChannelInfo, 'version'> & { expectedVersion: number },
    actor: Principal,
  ): Promise<ComplaintChannelInfo> => {
    const v: Violation[] = [];
    if (!TENANT.test(command.tenant ?? '')) {
      v.push({ path: 'channel.tenant', reason: 'PATTERN', message: '请选择地区（6位行政区划代码）' });
    }
    const unit = textOf('channel.unit', '投诉受理单位', command.unit, 2, 100, v);
    const phone = (command.phone ?? '').trim();
    if (!PHONE.test(phone)) {
      v.push({ path: 'channel.phone', reason: 'PATTERN', message: '请填写投诉电话（区号-号码、热线或手机号码）' });
    }
    const address = textOf('channel.address', '地址', command.address, 2, 200, v);
    const procedure = textOf('channel.procedure', '投诉处理程序', command.procedure, 10, 2000, v);
    if (!Number.isInteger(command.expectedVersion) || command.expectedVersion < 0) {
      v.push({ path: 'expectedVersion', reason: 'REQUIRED', message: '请提供读取时的版本号（首次设置为0）' });
    }
    if (v.length > 0) throw new ValidationError(v);
    const admin =
      actor.kind === 'user' &&
      hasAnyRole(actor, ['center_admin']) &&
      tenantScope(actor, ['center_admin'], 'write', command.tenant) === 'OWN_TENANT';
    if (!admin) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有本地区的中心管理员可以设置投诉渠道');
    }
    const info = { tenant: command.tenant, unit, phone, address, procedure, version: command.expectedVersion + 1 };
    await deps.channels.put(info, command.expectedVersion);
    return info;
  };
}
