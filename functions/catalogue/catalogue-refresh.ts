import type { Deps } from '../api/deps.ts';
import { useCatalogueAdditions } from './catalogue.ts';

/**
 * Keeps this process's catalogue in step with the stored additions: reloaded when older than a
 * minute (one Query), and at once after this process adds an entry.
 */
const MAX_AGE_MS = 60_000;
const loadedAt = new WeakMap<Deps, number>();

export async function refreshCatalogue(deps: Deps, force = false): Promise<void> {
  const now = Date.now();
  const last = loadedAt.get(deps);
  if (!force && last !== undefined && now - last < MAX_AGE_MS) return;
  loadedAt.set(deps, now);
  try {
    useCatalogueAdditions(await deps.catalogueAdditions.all());
  } catch (error) {
    loadedAt.delete(deps);
    throw error;
  }
}
