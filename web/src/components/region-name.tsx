import { createEffect, createSignal, onCleanup } from 'solid-js';
import { type Region, regionPath } from '../api/regions.ts';

/** The names of a region and the divisions above it, e.g. 福建省 · 三明市 · 三元区. */
export function RegionName(props: { adcode: string | undefined; separator?: string }) {
  const [path, setPath] = createSignal<Region[]>([]);
  createEffect(() => {
    const adcode = props.adcode;
    let current = true;
    onCleanup(() => {
      current = false;
    });
    setPath([]);
    if (!adcode) return;
    regionPath(adcode).then(
      (found) => current && setPath(found),
      () => {
        // unknown or unreachable: the code itself is shown
      },
    );
  });
  const text = () =>
    path().length > 0
      ? path()
          .map((r) => r.name)
          .join(props.separator ?? ' · ')
      : (props.adcode ?? '');
  return (
    <span class="region-name" data-adcode={props.adcode}>
      {text()}
    </span>
  );
}
