/**
 * The files the public's voice comes with: a suggestion-box slip's scan (RecordRating) and a complaint's photos and
 * letters (UploadComplaintAttachment). PDF, JPEG or PNG by their content, at most 10 MiB.
 */
export const ACCEPTED_FILE_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
