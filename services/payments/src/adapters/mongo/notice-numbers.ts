import { Sequences, type Connection } from '@govhall/mongo';
import type { NoticeNumbers } from '../../usecases/ports';

/** 通知书编号 sequences, one per tenant and year (collection `notice_number_years`). */
export class MongoNoticeNumbers implements NoticeNumbers {
  private readonly sequences: Sequences;

  constructor(connection: Connection) {
    this.sequences = new Sequences(connection, 'NoticeNumberYear', 'notice_number_years');
  }

  next(tenant: string, year: number): Promise<number> {
    return this.sequences.next(`${tenant}-${year}`);
  }
}
