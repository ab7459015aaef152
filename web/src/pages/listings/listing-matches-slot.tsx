import { type Component, ErrorBoundary, lazy, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../components/load-error.tsx';

/**
 * Where a listing's matches (proposals) appear on its page. The matches area provides
 * `ListingMatches` in pages/matches/listing-matches.tsx; until that file exists this renders
 * nothing. Found at build time (import.meta.glob), loaded on demand, and kept apart by its own error
 * boundary so a failure there never takes the listing page down.
 */
export interface ListingMatchesProps {
  listingId: string;
  /** The viewer's organisation owns the listing (it may accept, decline, cancel). */
  isOwner: boolean;
}

const modules = import.meta.glob<{ ListingMatches?: Component<ListingMatchesProps> }>(
  '../matches/listing-matches.tsx',
);
const load = Object.values(modules)[0];

const ListingMatches = load
  ? lazy(async () => {
      const module = await load();
      return { default: module.ListingMatches ?? (() => null) };
    })
  : undefined;

export function ListingMatchesSlot(props: ListingMatchesProps) {
  return (
    <section id="listing-matches" class="listing-matches" data-testid="listing-matches">
      <Show when={ListingMatches}>
        {(Matches) => {
          const View = Matches();
          return (
            <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
              <Suspense fallback={<Loading />}>
                <View listingId={props.listingId} isOwner={props.isOwner} />
              </Suspense>
            </ErrorBoundary>
          );
        }}
      </Show>
    </section>
  );
}
