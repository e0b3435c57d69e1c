import { staffFact } from '../../domain/window.test-double';
import { toProtoStaffFact } from './staff.mapper';

describe('toProtoStaffFact', () => {
  it('shows who serves a window with the phone masked, and nothing when there is no phone', () => {
    expect(toProtoStaffFact(staffFact('s1', { phone: '13912345678' })).phone).toBe('139****5678');
    expect(toProtoStaffFact(staffFact('s2', { phone: undefined })).phone).toBe('');
  });
});
