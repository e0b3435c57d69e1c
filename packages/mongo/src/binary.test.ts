import mongoose from 'mongoose';
import { toBuffer } from './binary';

describe('toBuffer', () => {
  it('gives the bytes of a BSON Binary (as a lean read answers a Buffer field), of a Buffer and of a Uint8Array', () => {
    const bytes = Buffer.from('%PDF-1.7\n');
    expect(toBuffer(new mongoose.mongo.Binary(bytes)).equals(bytes)).toBe(true);
    expect(Buffer.from(new mongoose.mongo.Binary(bytes) as never)).toHaveLength(0); // why this helper exists
    expect(toBuffer(bytes)).toBe(bytes);
    expect(toBuffer(new Uint8Array(bytes)).equals(bytes)).toBe(true);
  });
});
