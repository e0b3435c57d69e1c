import { ConflictError, NotFoundError } from '@govhall/errors';

export const caseNotFound = (): NotFoundError => new NotFoundError('CASE_NOT_FOUND', '找不到该办件');
export const ratingNotFound = (): NotFoundError => new NotFoundError('RATING_NOT_FOUND', '该办件尚未评价');
export const alreadyRated = (): ConflictError =>
  new ConflictError('ALREADY_RATED', '该办件已经评价过，每件只能评价一次');
