import { NotFoundError } from '@govhall/errors';

export const rectificationNotFound = (): NotFoundError =>
  new NotFoundError('RECTIFICATION_NOT_FOUND', '找不到该差评整改');
