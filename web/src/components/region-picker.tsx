import { type Accessor, createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { ApiError } from '../api/client.ts';
import { COUNTRY, cachedRegions, fetchRegions, type Region, regionPath } from '../api/regions.ts';
import { localized, t } from '../i18n/index.ts';

/**
 * Province → city → county cascading selects over GET /api/regions?parent=<adcode>. The value is
 * the deepest adcode chosen (a province alone is a valid value). Native selects: keyboard, screen
 * readers and phones handle them well.
 */
export interface RegionPickerProps {
  value: string | undefined;
  onChange: (adcode: string | undefined) => void;
  /** Id of the first select (the others get `-city` / `-county` after it). */
  id?: string;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  /** Accessible name of the whole picker, e.g. the field label. */
  label?: string;
}

interface ListState {
  items?: Region[];
  error?: ApiError;
}

/** The children of `parent()`, refetched when it changes; empty when there is no parent. */
function useChildren(parent: Accessor<string | undefined>) {
  const [state, setState] = createSignal<ListState>({});
  const [attempt, setAttempt] = createSignal(0);
  createEffect(() => {
    const p = parent();
    attempt();
    if (!p) {
      setState({ items: [] });
      return;
    }
    const ready = cachedRegions(p);
    if (ready) {
      setState({ items: ready });
      return;
    }
    let current = true;
    onCleanup(() => {
      current = false;
    });
    setState({});
    fetchRegions(p).then(
      (items) => current && setState({ items }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError) setState({ error });
        else throw error;
      },
    );
  });
  return {
    items: () => state().items ?? [],
    loading: () => !state().items && !state().error,
    error: () => state().error,
    retry: () => setAttempt((n) => n + 1),
  };
}

export function RegionPicker(props: RegionPickerProps) {
  const [province, setProvince] = createSignal('');
  const [city, setCity] = createSignal('');
  const [county, setCounty] = createSignal('');
  const deepest = () => county() || city() || province() || undefined;

  const provinces = useChildren(() => COUNTRY);
  const cities = useChildren(() => province() || undefined);
  const counties = useChildren(() => city() || undefined);

  // Follow a value set from outside (an existing profile, a reset form).
  let resolving = 0;
  createEffect(
    on(
      () => props.value,
      (value) => {
        if (value === deepest()) return;
        const run = ++resolving;
        if (!value) {
          setProvince('');
          setCity('');
          setCounty('');
          return;
        }
        regionPath(value).then(
          (path) => {
            if (run !== resolving) return;
            setProvince(path[0]?.adcode ?? '');
            setCity(path[1]?.adcode ?? '');
            setCounty(path[2]?.adcode ?? '');
          },
          () => {
            // the lists show their own load errors
          },
        );
      },
    ),
  );

  const choose = (level: 'province' | 'city' | 'county', adcode: string) => {
    resolving++;
    if (level === 'province') {
      setProvince(adcode);
      setCity('');
      setCounty('');
    } else if (level === 'city') {
      setCity(adcode);
      setCounty('');
    } else {
      setCounty(adcode);
    }
    props.onChange(deepest());
  };

  const baseId = () => props.id ?? 'region';
  const failure = () => provinces.error() ?? cities.error() ?? counties.error();
  const retry = () => {
    provinces.retry();
    cities.retry();
    counties.retry();
  };

  const select = (
    level: 'province' | 'city' | 'county',
    id: string,
    list: ReturnType<typeof useChildren>,
    selected: Accessor<string>,
    enabled: Accessor<boolean>,
  ) => (
    <select
      id={id}
      class="region-select"
      data-level={level}
      aria-label={`${props.label ? `${props.label} · ` : ''}${t(`region.${level}`)}`}
      aria-invalid={props.invalid ? 'true' : undefined}
      aria-describedby={props.describedBy}
      aria-busy={list.loading() ? 'true' : undefined}
      disabled={props.disabled || !enabled() || list.loading()}
      onChange={(event) => choose(level, event.currentTarget.value)}
    >
      <option value="" selected={selected() === ''}>
        {list.loading() ? t('common.loading') : `${t(`region.${level}`)} · ${t('region.choose')}`}
      </option>
      <For each={list.items()}>
        {(region) => (
          <option value={region.adcode} selected={region.adcode === selected()}>
            {region.name}
          </option>
        )}
      </For>
    </select>
  );

  return (
    <div class="region-picker">
      {select('province', baseId(), provinces, province, () => true)}
      <Show when={province() && (cities.loading() || cities.items().length > 0)}>
        {select('city', `${baseId()}-city`, cities, city, () => Boolean(province()))}
      </Show>
      <Show when={city() && (counties.loading() || counties.items().length > 0)}>
        {select('county', `${baseId()}-county`, counties, county, () => Boolean(city()))}
      </Show>
      <Show when={failure()}>
        {(error) => (
          <p class="field-error region-error" role="alert">
            <span>{t('region.loadFailed')}</span> <span>{localized(error().messages)}</span>{' '}
            <button type="button" class="link-button" onClick={retry}>
              {t('common.retry')}
            </button>
          </p>
        )}
      </Show>
    </div>
  );
}
