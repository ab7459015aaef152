import { type Accessor, createEffect, createSignal, on } from 'solid-js';
import { ApiError } from './client.ts';

export interface CursorPage<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * "Load more" over a paged API list: the first page comes from a router query (cached, revalidated
 * after changes); further pages are fetched on request with its `nextCursor` and kept until the
 * first page changes (another filter, a revalidation). API errors are kept to show; others throw.
 */
export function createLoadMore<T>(
  first: Accessor<CursorPage<T> | undefined>,
  fetchPage: (cursor: string) => Promise<CursorPage<T>>,
) {
  const [more, setMore] = createSignal<T[]>([]);
  const [cursor, setCursor] = createSignal<string>();
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<ApiError>();
  createEffect(
    on(first, (page) => {
      if (!page) return;
      setMore([]);
      setCursor(page.nextCursor);
      setError(undefined);
    }),
  );
  const loadMore = async () => {
    const next = cursor();
    if (!next || loading()) return;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchPage(next);
      setMore((list) => [...list, ...page.items]);
      setCursor(page.nextCursor);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setError(failure);
    } finally {
      setLoading(false);
    }
  };
  return {
    /** The first page's items and every page loaded since. */
    items: () => [...(first()?.items ?? []), ...more()],
    hasMore: () => cursor() !== undefined,
    loading,
    error,
    loadMore,
  };
}
