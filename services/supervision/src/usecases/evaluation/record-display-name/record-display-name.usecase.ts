import type { DisplayNameEntry } from '../../../domain/evaluation/display-names';
import type { DisplayNameStore } from '../evaluation.ports';

/** A department's or window's name from identity's events, kept for the reports (a code without a name is skipped). */
export function recordDisplayNameUseCase(deps: { names: Pick<DisplayNameStore, 'put'> }) {
  return async (entry: DisplayNameEntry): Promise<void> => {
    if (!entry.tenant || !entry.code) return;
    await deps.names.put(entry);
  };
}
