import { NotFoundError } from '@govhall/errors';

export const complaintNotFound = (): NotFoundError => new NotFoundError('COMPLAINT_NOT_FOUND', '找不到该投诉');
