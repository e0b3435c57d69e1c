import { useState } from 'react';
import type { FormInstance } from 'antd';
import { showOnForm } from '../../shared/form-messages';

/**
 * A public query form (no login): `ask` answers the result; a refusal goes to the form's fields (`fields`) and the
 * rest to `errors`, shown above the button. A new query clears the last result.
 */
export function useQueryForm<A, R>(form: FormInstance<A>, fields: readonly string[], ask: (asked: A) => Promise<R>) {
  const [result, setResult] = useState<R>();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (asked: A) => {
    setBusy(true);
    setErrors([]);
    setResult(undefined);
    try {
      setResult(await ask(asked));
    } catch (error) {
      setErrors(showOnForm(form, error, fields));
    } finally {
      setBusy(false);
    }
  };
  return { result, errors, busy, submit };
}
