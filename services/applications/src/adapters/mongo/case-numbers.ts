import { Sequences, type Connection } from '@govhall/mongo';
import type { CaseNumbers } from '../../usecases/ports';

/**
 * Case numbers (办件编号): region code + YYYYMMDD + a 5-digit sequence of that tenant and day, e.g.
 * 6203212026030200001 (collection `case_number_days`).
 */
export class MongoCaseNumbers implements CaseNumbers {
  private readonly sequences: Sequences;

  constructor(connection: Connection) {
    this.sequences = new Sequences(connection, 'CaseNumberDay', 'case_number_days');
  }

  get model() {
    return this.sequences.model;
  }

  async next(tenant: string, date: string): Promise<string> {
    const day = date.replaceAll('-', '');
    const seq = await this.sequences.next(`${tenant}-${day}`);
    return `${tenant}${day}${String(seq).padStart(5, '0')}`;
  }
}
