import { useMemo } from 'react';
import { api, call } from '../../shared/api';
import { useLoad, type Loaded } from '../../shared/states';
import { queueChoices, type QueueChoice, type Staff } from '../queues';

/** The queues `staff` works (their windows' and their roles'), once the tenant's windows are read. */
export function useQueueChoices(staff: Staff): { windows: Loaded<unknown>; choices: QueueChoice[] | undefined } {
  const windows = useLoad(
    () =>
      call(api.GET('/api/v1/identity/tenants/{code}/windows', { params: { path: { code: staff.tenant } } })).then(
        (r) => r.windows,
      ),
    [staff.tenant],
  );
  const choices = useMemo(() => (windows.data ? queueChoices(staff, windows.data) : undefined), [staff, windows.data]);
  return { windows, choices };
}
