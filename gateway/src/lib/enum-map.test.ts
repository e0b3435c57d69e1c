import { catalogueV1, enumSpelling } from '@govhall/proto';
import { enumMapping } from './enum-map';

describe('enum spelling', () => {
  const spelling = enumSpelling(catalogueV1.OnlineDepth, 'ONLINE_DEPTH_');

  it('spells each value by its lower-case name without the prefix, UNSPECIFIED and UNRECOGNIZED excluded', () => {
    expect(spelling.values).toEqual(['fully_online', 'online_pre_review', 'disclosure_only']);
    expect(spelling.fromProto(catalogueV1.OnlineDepth.ONLINE_DEPTH_UNSPECIFIED)).toBeUndefined();
    expect(spelling.fromProto(catalogueV1.OnlineDepth.UNRECOGNIZED)).toBeUndefined();
    expect(spelling.toProto('fully_online')).toBe(catalogueV1.OnlineDepth.ONLINE_DEPTH_FULLY_ONLINE);
    expect(spelling.toProto('FULLY_ONLINE')).toBe(0);
    expect(spelling.toProto(undefined)).toBe(0);
  });

  it('refuses a prefix no value has', () => {
    expect(() => enumSpelling(catalogueV1.OnlineDepth, 'ONLINE_DEPT_X')).toThrow(/no enum values/);
  });

  it('maps REST values, and treats an unknown answer as a contract breach', () => {
    const m = enumMapping('catalogue', 'OnlineDepth', catalogueV1.OnlineDepth, 'ONLINE_DEPTH_');
    expect(m.rest(2)).toBe('online_pre_review');
    expect(m.proto(undefined)).toBe(0);
    expect(() => m.rest(9)).toThrow('catalogue answered OnlineDepth 9, which the gateway does not know');
  });
});
