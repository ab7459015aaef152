import { createSignal } from 'solid-js';
import { ApiError } from '../../api/client.ts';

/** One button's call: busy while it runs, the API's error kept to show, then `after` with the answer. */
export function useAction<T>(after: (result: T) => Promise<void> | void) {
  const [busy, setBusy] = createSignal<string>();
  const [error, setError] = createSignal<ApiError>();
  const run = async (name: string, call: () => Promise<T>) => {
    if (busy()) return;
    setBusy(name);
    setError(undefined);
    try {
      await after(await call());
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, error, run };
}
