import type { Item } from './item';

/**
 * The item as the public reads it (GetPublishedItem, GetGuide, GetGuidePdf, for any caller, with or without a
 * token): who drafted, edited, submitted and reviewed it, and what the reviewers wrote, stay inside the center.
 */
export function publicView(item: Item): Item {
  const { submittedBy: _submittedBy, ...rest } = item;
  return { ...rest, createdBy: '', editedBy: [], reviews: [] };
}
