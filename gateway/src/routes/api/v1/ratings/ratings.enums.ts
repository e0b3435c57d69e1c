import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';

/* The rating enums as the REST API spells them (lower case, no prefix). */

export type RatingChannelName = 'online' | 'device' | 'default' | 'phone_followup' | 'suggestion_box';
export const ratingChannel = enumCodec<RatingChannelName, complaintsV1.RatingChannel>(
  enumSpelling(complaintsV1.RatingChannel, 'RATING_CHANNEL_'),
);

/** The complaints service's limit on its files (a slip's scan, a complaint's attachment: PDF, JPEG or PNG). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const LEVEL_NAMES: Readonly<Record<number, string>> = {
  1: '非常不满意',
  2: '不满意',
  3: '基本满意',
  4: '满意',
  5: '非常满意',
};

/**
 * Staff who read ratings, their statistics and rectifications; how far each reaches (tenant, department, or what
 * names them) is the complaints service's rule.
 */
export const RATING_READERS = [
  'center_admin',
  'supervisor',
  'complaint_handler',
  'department_head',
  'window_clerk',
  'reviewer',
  'approver',
] as const;
