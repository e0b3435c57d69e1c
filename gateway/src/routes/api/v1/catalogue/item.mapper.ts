import type { catalogueV1 } from '@govhall/proto';
import { handlingCategory, itemStatus, onlineDepth } from './catalogue.enums';
import { contentToRest, locationToRest, timeLimitToRest } from './content.mapper';
import type { Diff, Item } from './item.schemas';
import type { Guide, ItemSummary, PublishedItem } from './published.schemas';

/** An answer the service must always fill; its absence is a contract breach (500), not a client error. */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`catalogue answered without ${what}`);
  return value;
}

const iso = (d: Date | undefined) => (d ?? new Date(0)).toISOString();
/** Proto strings are '' and timestamps unset when there is none; REST leaves such fields out. */
const orNone = (s: string) => (s === '' ? undefined : s);

export function itemToRest(item: catalogueV1.Item): Item {
  return {
    id: item.id,
    tenant: item.tenant,
    name: item.name,
    basicCode: item.basicCode,
    kind: item.kind,
    handlingCategory: handlingCategory.rest(item.handlingCategory),
    department: item.department,
    status: itemStatus.rest(item.status),
    version: item.version,
    edition: item.edition,
    seriesId: item.seriesId,
    previousId: orNone(item.previousId),
    // A message field may be unset on the wire (e.g. an item answered before its content was written).
    content: item.content && contentToRest(item.content),
    reviews: item.reviews.map((r) => ({
      approved: r.approved,
      comments: r.comments,
      reviewer: r.reviewer,
      at: iso(r.at),
    })),
    createdBy: item.createdBy,
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
    submittedAt: item.submittedAt?.toISOString(),
    submittedBy: orNone(item.submittedBy),
    publishedAt: item.publishedAt?.toISOString(),
    retiredReason: orNone(item.retiredReason),
  };
}

/**
 * The public view. The catalogue already answers it for every caller (GetPublishedItem, GetGuide: no author,
 * editor, submitter or review); the REST shape simply has no fields for them.
 */
export function publishedItemToRest(item: catalogueV1.Item): PublishedItem {
  const { createdBy: _createdBy, submittedBy: _submittedBy, reviews: _reviews, ...rest } = itemToRest(item);
  return rest;
}

export function summaryToRest(s: catalogueV1.ItemSummary): ItemSummary {
  return {
    id: s.id,
    tenant: s.tenant,
    name: s.name,
    basicCode: s.basicCode,
    kind: s.kind,
    handlingCategory: handlingCategory.rest(s.handlingCategory),
    department: s.department,
    edition: s.edition,
    promisedLimit: s.promisedLimit && timeLimitToRest(s.promisedLimit),
    onlineDepth: onlineDepth.rest(s.onlineDepth),
    score: s.score,
  };
}

export function guideToRest(g: catalogueV1.Guide): Guide {
  return {
    item: publishedItemToRest(present(g.item, 'guide.item')),
    departmentName: g.departmentName,
    tenantName: g.tenantName,
    coDepartmentNames: [...g.coDepartmentNames],
    center: g.center && locationToRest(g.center),
  };
}

/** The service sends each value as JSON text ('' when absent); REST carries the values themselves. */
export function diffToRest(res: catalogueV1.DiffEditionsResponse): Diff {
  const value = (json: string) => (json === '' ? undefined : (JSON.parse(json) as unknown));
  return { changes: res.changes.map((c) => ({ path: c.path, before: value(c.before), after: value(c.after) })) };
}
