import type { StaffEntry, WindowEntry } from '../../domain/signals/recipients';
import type { Directory } from '../clocks.ports';

/** Staff and windows from identity's events: who the recipients of a signal are (S16). */
export function updateDirectoryUseCase(deps: { directory: Directory }) {
  return {
    staff: (staff: StaffEntry) => deps.directory.putStaff(staff),
    window: (window: WindowEntry) => deps.directory.putWindow(window),
  };
}
