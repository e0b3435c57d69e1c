import { ConflictError, NotFoundError, PreconditionError } from '@govhall/errors';

export const caseNotFound = (): NotFoundError => new NotFoundError('CASE_NOT_FOUND', '找不到该办件');
export const ratingNotFound = (): NotFoundError => new NotFoundError('RATING_NOT_FOUND', '该办件尚未评价');
export const alreadyRated = (): ConflictError =>
  new ConflictError('ALREADY_RATED', '该办件已经评价过，每件只能评价一次');
export const invitationNotFound = (): NotFoundError =>
  new NotFoundError('INVITATION_NOT_FOUND', '找不到该评价邀请，请窗口工作人员重新发起评价');
export const invitationExpired = (): PreconditionError =>
  new PreconditionError('INVITATION_EXPIRED', '评价邀请已失效，请窗口工作人员重新发起评价');
export const visitAlreadyRated = (): ConflictError =>
  new ConflictError('ALREADY_RATED', '本次服务已经评价过，每次服务只能评价一次');
