import { baseCatalogue, type Catalogue } from './catalogue.ts';
import type { CatalogueAdditionsRepo } from './catalogue-additions.repo.ts';
import type { CatalogueAdditions } from './catalogue-types.ts';

/** How long a process uses the additions it loaded before it reads them again (one Query). */
export const CATALOGUE_MAX_AGE_MS = 60_000;

/**
 * The catalogue a process uses: the base data extended with what organizers and admins added
 * (stored in the table). One per process, in its dependencies (`deps.catalogue`): routes, commands
 * and stream consumers ask it for the catalogue and hand that to the pure code, which never reads a
 * module-level one. It reads the additions again when they are older than a minute, and at once
 * after this process adds an entry. Additions are checked on a copy before they are stored
 * (catalogue-commands.ts); {@link CatalogueStore.adopt} only takes additions already checked.
 */
export class CatalogueStore {
  #current: Catalogue;
  #additions: CatalogueAdditions = {};
  /** The additions in use, serialised: a reread that finds the same ones keeps the catalogue. */
  #additionsJson = JSON.stringify({});
  #loadedAt: number | undefined;
  #loading: Promise<Catalogue> | undefined;

  constructor(
    private readonly additions: Pick<CatalogueAdditionsRepo, 'all'>,
    private readonly now: () => number = Date.now,
    readonly base: Catalogue = baseCatalogue,
  ) {
    this.#current = base;
  }

  /** The catalogue now: the one in use, read again first when older than a minute. */
  async current(): Promise<Catalogue> {
    if (this.#loadedAt !== undefined && this.now() - this.#loadedAt < CATALOGUE_MAX_AGE_MS)
      return this.#current;
    return (await this.reload()).catalogue;
  }

  /** Reads the stored additions now (before a change that builds on them); concurrent calls share one read. */
  async reload(): Promise<{ catalogue: Catalogue; additions: CatalogueAdditions }> {
    this.#loading ??= (async () => {
      try {
        const additions = await this.additions.all();
        this.#use(additions);
        return this.#current;
      } finally {
        this.#loading = undefined;
      }
    })();
    const catalogue = await this.#loading;
    return { catalogue, additions: this.#additions };
  }

  /** Uses additions that were checked and stored (after an addition's transaction). */
  adopt(additions: CatalogueAdditions): Catalogue {
    this.#use(additions);
    return this.#current;
  }

  /**
   * Uses these additions from now on. The same additions as before (the usual minutely reread) keep
   * the catalogue in use, with the look-up indexes it built on first use (the spec names' lexicon
   * takes 5–20 ms): only a change builds a new one.
   */
  #use(additions: CatalogueAdditions): void {
    const json = JSON.stringify(additions);
    if (json !== this.#additionsJson) {
      this.#current = this.base.extend(additions);
      this.#additionsJson = json;
    }
    this.#additions = additions;
    this.#loadedAt = this.now();
  }
}
