import { createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { MAX_LISTINGS_READ } from '../../../../functions/contract/capped.ts';
import { isGoodsKind } from '../../../../functions/contract/listing-kinds.ts';
import type { Me } from '../../api/auth.ts';
import { getCatalogue } from '../../api/catalogue.ts';
import { ApiError } from '../../api/client.ts';
import type { SheetFormat } from '../../api/imports.ts';
import { downloadList, downloadSummary, type ListingKind, type SummaryRow } from '../../api/listings.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { CategorySelect } from '../../components/catalogue-category-select.tsx';
import { ChartBars } from '../../components/chart-bars.tsx';
import { formatNumber } from '../../components/listing-format.ts';
import { RegionPicker } from '../../components/region-picker.tsx';
import { type Localized, lang, localized, type TranslationKey, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { getCities, getSummary } from './lists.data.ts';

/** The region an organizer serves (its jurisdiction), else the province of its seat. */
export function homeRegion(me: Me): string {
  return me.org.jurisdiction ?? `${me.org.adcode.slice(0, 2)}0000`;
}

const EXPORTS: { kind: ListingKind; label: TranslationKey }[] = [
  { kind: 'supply', label: 'lists.exportSupply' },
  { kind: 'demand', label: 'lists.exportDemand' },
  { kind: 'labour_offer', label: 'lists.exportLabourOffer' },
  { kind: 'labour_request', label: 'lists.exportLabourRequest' },
];

const COLORS = { supply: '#1560b0', demand: '#d97706', gap: '#b42318' };

/** /lists — 供应清单/需求清单: open supply and demand by city and spec, the gap, a chart, exports. */
export default function ListsPage() {
  usePageTitle('lists.title');
  const me = useMe();
  const catalogue = createAsync(() => getCatalogue());
  const [search, setSearch] = useSearchParams<{ region?: string; category?: string }>();
  const applied = () => {
    const current = me();
    if (!current) return undefined;
    const region = /^\d{6}$/.test(search.region ?? '') ? search.region! : homeRegion(current);
    return { region, category: search.category || undefined };
  };
  const [region, setRegion] = createSignal<string | undefined>();
  const [category, setCategory] = createSignal('');
  createEffect(
    on(applied, (a) => {
      if (!a) return;
      setRegion(a.region);
      setCategory(a.category ?? '');
    }),
  );
  const [downloaded, setDownloaded] = createSignal<string | null>(null);
  // a new region or category: the last download's note no longer applies
  createEffect(on(applied, () => setDownloaded(null), { defer: true }));
  const summary = createAsync(() => {
    const a = applied();
    return a ? getSummary(a.region, a.category) : Promise.resolve(undefined);
  });
  const cities = createAsync(() => {
    const a = applied();
    return a ? getCities(`${a.region.slice(0, 2)}0000`).catch(() => []) : Promise.resolve([]);
  });
  const cityName = (adcode: string) => cities()?.find((c) => c.adcode === adcode)?.name ?? adcode;
  const specName = (row: SummaryRow) => catalogue()?.specName(row.specId) ?? row.specId;
  const unit = (row: SummaryRow) => catalogue()?.unitSymbol(row.unit) ?? row.unit;
  const rows = () => summary()?.rows ?? [];
  const mixedUnits = () => new Set(rows().map((r) => r.unit)).size > 1;

  const [downloading, setDownloading] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<Localized | null>(null);
  const download = async (id: string, run: () => Promise<string>) => {
    if (downloading()) return;
    setDownloading(id);
    setDownloaded(null);
    setFailure(null);
    try {
      setDownloaded(await run());
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFailure(error.messages);
    } finally {
      setDownloading(null);
    }
  };
  const exportButtons = (id: string, run: (format: SheetFormat) => Promise<string>) => (
    <For each={['xlsx', 'csv'] as const}>
      {(format) => (
        <button
          type="button"
          class="button button-secondary button-small"
          data-testid={`export-${id}-${format}`}
          disabled={downloading() !== null}
          aria-busy={downloading() === `${id}-${format}`}
          onClick={() => download(`${id}-${format}`, () => run(format))}
        >
          {format === 'xlsx' ? 'Excel' : 'CSV'}
        </button>
      )}
    </For>
  );

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const r = region();
    if (!r) return;
    setSearch({ region: r, category: category() || undefined });
  };

  return (
    <>
      <header class="page-header">
        <div>
          <h1 class="page-title" data-testid="page-title">
            {t('lists.title')}
          </h1>
          <p class="page-lead">{t('lists.lead')}</p>
        </div>
      </header>
      <form class="card filters" novalidate onSubmit={submit} data-testid="lists-form">
        <fieldset class="filter filter-region">
          <legend>{t('lists.region')}</legend>
          <RegionPicker id="lists-region" label={t('lists.region')} value={region()} onChange={setRegion} />
        </fieldset>
        <div class="filter">
          <label for="lists-category">{t('lists.category')}</label>
          <CategorySelect
            id="lists-category"
            catalogue={catalogue()}
            labour={false}
            value={category()}
            onChange={setCategory}
          />
        </div>
        <div class="filter filter-submit">
          <button type="submit" class="button button-primary" data-testid="lists-submit" disabled={!region()}>
            {t('lists.show')}
          </button>
        </div>
      </form>

      <Show when={summary()}>
        {(s) => (
          <>
            <Show when={s().capped}>
              <p class="alert alert-warning" role="status" data-testid="lists-capped">
                {t('lists.capped', { count: formatNumber(MAX_LISTINGS_READ) })}
              </p>
            </Show>
            <div class="totals" data-testid="lists-totals">
              <div class="total total-supply">
                <span class="total-label">{t('lists.supply')}</span>
                <span class="total-value" data-testid="total-supply">
                  {formatNumber(s().totals.supply)}
                </span>
              </div>
              <div class="total total-demand">
                <span class="total-label">{t('lists.demand')}</span>
                <span class="total-value" data-testid="total-demand">
                  {formatNumber(s().totals.demand)}
                </span>
              </div>
              <div class="total total-gap" classList={{ short: s().totals.gap > 0 }}>
                <span class="total-label">
                  {t('lists.gap')} <span class="muted">({t('lists.gapHint')})</span>
                </span>
                <span class="total-value" data-testid="total-gap">
                  {formatNumber(s().totals.gap)}
                </span>
              </div>
            </div>
            <Show when={mixedUnits()}>
              <p class="hint">{t('lists.mixedUnits')}</p>
            </Show>

            <section class="card exports" aria-labelledby="exports-title">
              <h2 class="card-title" id="exports-title">
                {t('lists.exports')}
              </h2>
              <div class="export-grid">
                <div class="export-row">
                  <span class="export-label">{t('lists.exportSummary')}</span>
                  {exportButtons('summary', (format) =>
                    downloadSummary(s().region, s().category ?? undefined, format, lang()),
                  )}
                </div>
                <For each={EXPORTS}>
                  {(entry) => (
                    <div class="export-row">
                      <span class="export-label">{t(entry.label)}</span>
                      {exportButtons(entry.kind, (format) =>
                        downloadList(
                          entry.kind,
                          s().region,
                          isGoodsKind(entry.kind) ? (s().category ?? undefined) : undefined,
                          format,
                          lang(),
                        ),
                      )}
                    </div>
                  )}
                </For>
              </div>
              <p class="export-status" role="status" aria-live="polite" data-testid="export-status">
                <Show when={downloading()}>{t('lists.exporting')}</Show>
                <Show when={!downloading() && downloaded()}>
                  {t('lists.exported', { name: downloaded() ?? '' })}
                </Show>
              </p>
              <Show when={failure()}>
                {(message) => (
                  <p class="field-error" role="alert">
                    {localized(message())}
                  </p>
                )}
              </Show>
            </section>

            <Show
              when={rows().length > 0}
              fallback={
                <p class="card empty-note" data-testid="lists-empty">
                  {t('lists.empty')}
                </p>
              }
            >
              <section class="card" aria-labelledby="chart-title">
                <h2 class="card-title" id="chart-title">
                  {t('lists.chart')}
                </h2>
                <ChartBars
                  label={t('lists.chartLabel')}
                  categories={rows().map(
                    (r) =>
                      `${cityName(r.cityAdcode)}\n${specName(r)}${lang() === 'zh' ? `（${unit(r)}）` : ` (${unit(r)})`}`,
                  )}
                  series={[
                    { name: t('lists.supply'), color: COLORS.supply, values: rows().map((r) => r.supply) },
                    { name: t('lists.demand'), color: COLORS.demand, values: rows().map((r) => r.demand) },
                    { name: t('lists.gap'), color: COLORS.gap, values: rows().map((r) => r.gap) },
                  ]}
                />
              </section>
              <section class="card totals-card" aria-labelledby="table-title">
                <h2 class="card-title" id="table-title">
                  {t('lists.totals')}
                </h2>
                <div class="listing-table-scroll">
                  <table class="listing-table" data-testid="lists-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('lists.city')}</th>
                        <th scope="col">{t('lists.spec')}</th>
                        <th scope="col">{t('lists.unit')}</th>
                        <th scope="col" class="num">
                          {t('lists.supply')}
                        </th>
                        <th scope="col" class="num">
                          {t('lists.demand')}
                        </th>
                        <th scope="col" class="num">
                          {t('lists.gap')}
                        </th>
                        <th scope="col" class="num">
                          {t('lists.listings')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={rows()}>
                        {(row) => (
                          <tr data-city={row.cityAdcode} data-spec={row.specId}>
                            <td>{cityName(row.cityAdcode)}</td>
                            <td>{specName(row)}</td>
                            <td>{unit(row)}</td>
                            <td class="num">{formatNumber(row.supply)}</td>
                            <td class="num">{formatNumber(row.demand)}</td>
                            <td
                              class="num"
                              classList={{ 'gap-short': row.gap > 0, 'gap-surplus': row.gap < 0 }}
                            >
                              {formatNumber(row.gap)}
                            </td>
                            <td class="num">
                              {row.supplyListings} / {row.demandListings}
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </section>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}
