import { documentKey, documentLocks, type Connection, type Model } from '@govhall/mongo';
import { invitationState, type RatingInvitation } from '../../domain/ratings/invitation';
import type { InvitationRepository } from '../../usecases/ratings/ports';
import { invitationSchema, type InvitationDocument } from './invitation.schema';

type Stored = Omit<RatingInvitation, 'id'> & { _id: string; windowKey: string };

const windowKey = (tenant: string, windowNumber: string) => `${tenant}/${windowNumber}`;

/** How many of a window's newest invitations a look reads: the open one, if any, is the newest not closed. */
const NEWEST = 5;

function toInvitation(doc: Stored): RatingInvitation {
  return {
    id: doc._id,
    tenant: doc.tenant,
    windowId: doc.windowId,
    windowNumber: doc.windowNumber,
    windowName: doc.windowName ?? '',
    department: doc.department ?? '',
    caseId: doc.caseId ?? '',
    caseNumber: doc.caseNumber ?? '',
    itemName: doc.itemName ?? '',
    applicantName: doc.applicantName ?? '',
    clerk: doc.clerk ?? '',
    clerkName: doc.clerkName ?? '',
    invitedAt: doc.invitedAt,
    expiresAt: doc.expiresAt,
    ...(doc.closedAt ? { closedAt: doc.closedAt } : {}),
    ratingId: doc.ratingId ?? '',
  };
}

/** The rating invitations; updates of one invitation go one at a time (FerretDB's read-modify-write). */
export class MongoInvitations implements InvitationRepository {
  readonly model: Model<InvitationDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<InvitationDocument>('RatingInvitation', invitationSchema);
  }

  async insertClosingOthers(invitation: RatingInvitation): Promise<void> {
    const key = windowKey(invitation.tenant, invitation.windowNumber);
    const open = (await this.newest(key)).filter((i) => !i.ratingId && !i.closedAt);
    for (const other of open) {
      await this.locked(other.id, () =>
        this.model.collection.updateOne(
          { _id: other.id as never, ratingId: '' },
          { $set: { closedAt: invitation.invitedAt } },
        ),
      );
    }
    const { id, ...fields } = invitation;
    await this.model.collection.insertOne({ _id: id as never, ...fields, windowKey: key });
  }

  async find(id: string): Promise<RatingInvitation | null> {
    const doc = await this.model.collection.findOne({ _id: id as never });
    return doc ? toInvitation(doc as unknown as Stored) : null;
  }

  async findOpen(tenant: string, windowNumber: string, now: Date): Promise<RatingInvitation | null> {
    return (await this.newest(windowKey(tenant, windowNumber))).find((i) => invitationState(i, now) === 'open') ?? null;
  }

  async markRated(id: string, ratingId: string): Promise<boolean> {
    const result = await this.locked(id, () =>
      this.model.collection.updateOne({ _id: id as never, ratingId: '' }, { $set: { ratingId } }),
    );
    return result.modifiedCount === 1;
  }

  private async newest(key: string): Promise<RatingInvitation[]> {
    const docs = await this.model.collection.find({ windowKey: key }).sort({ invitedAt: -1 }).limit(NEWEST).toArray();
    return docs.map((d) => toInvitation(d as unknown as Stored));
  }

  private locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    return documentLocks.run(documentKey(this.model.collection.collectionName, id), work);
  }
}
