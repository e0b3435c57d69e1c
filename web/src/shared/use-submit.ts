import { useState } from 'react';

/**
 * A form's submission: busy while `run` runs, and the messages `failed` makes of its error, for above the form (the
 * form's fields show their own). Each try starts without them; `clear` drops them (a dialog opened again).
 */
export function useSubmit<V>(run: (v: V) => Promise<void>, failed: (error: unknown) => string[]) {
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (v: V) => {
    setBusy(true);
    setErrors([]);
    try {
      await run(v);
    } catch (error) {
      setErrors(failed(error));
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit, clear: () => setErrors([]) };
}
