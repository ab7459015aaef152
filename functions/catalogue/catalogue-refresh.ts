import type { Deps } from '../api/deps.ts';
import { useCatalogueAdditions } from './catalogue.ts';
import type { CatalogueAdditions } from './catalogue-types.ts';

/**
 * Keeps this process's catalogue in step with the stored additions: reloaded when older than a
 * minute (one Query), and at once after this process adds an entry.
 */
const MAX_AGE_MS = 60_000;
const loadedAt = new WeakMap<Deps, number>();

export async function refreshCatalogue(deps: Deps): Promise<void> {
  const last = loadedAt.get(deps);
  if (last !== undefined && Date.now() - last < MAX_AGE_MS) return;
  await reloadCatalogue(deps);
}

/** Reloads the additions now and returns them (before a change that builds on them). */
export async function reloadCatalogue(deps: Deps): Promise<CatalogueAdditions> {
  loadedAt.set(deps, Date.now());
  try {
    const additions = await deps.catalogueAdditions.all();
    useCatalogueAdditions(additions);
    return additions;
  } catch (error) {
    loadedAt.delete(deps);
    throw error;
  }
}
