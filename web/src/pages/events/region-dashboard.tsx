import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { type DashboardCityRow, getRegionDashboard, MONTHLY_EVENT_TARGET } from '../../api/reports.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { formatFen } from '../../components/deal-format.ts';
import { RegionPicker } from '../../components/region-picker.tsx';
import { t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';

/**
 * /dashboard — an organizer's region: this month's matchmaking events per city against the
 * target of ten (held, and all of the month), participants, deals signed and their value (also in
 * 亿元), the month's events, and the series whose unmet demand goes to their next event.
 */
export default function RegionDashboardPage() {
  usePageTitle('reports.dashboard');
  const me = useMe();
  const [params, setParams] = useSearchParams<{ month?: string; region?: string }>();
  const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const defaultRegion = () => {
    const m = me();
    if (!m) return '';
    // an admin oversees everywhere: start from the province of its own organisation
    return m.oversees ? '' : `${m.org.adcode.slice(0, 2)}0000`;
  };
  const month = () => params.month ?? thisMonth;
  const region = () => params.region ?? defaultRegion();
  const [pickedMonth, setPickedMonth] = createSignal(month());
  const [pickedRegion, setPickedRegion] = createSignal(region());
  const dashboard = createAsync(() =>
    me() ? getRegionDashboard(month(), region()) : Promise.resolve(undefined),
  );
  return (
    <>
      <header class="page-header">
        <div>
          <h1 class="page-title" data-testid="page-title">
            {t('reports.dashboard')}
          </h1>
          <p class="page-lead">{t('reports.dashboardLead', { target: MONTHLY_EVENT_TARGET })}</p>
        </div>
      </header>
      <form
        class="card filters no-print"
        novalidate
        data-testid="dashboard-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          setParams({ month: pickedMonth() || undefined, region: pickedRegion() || undefined });
        }}
      >
        <div class="filter">
          <label for="dashboard-month">{t('reports.month')}</label>
          <input
            id="dashboard-month"
            type="month"
            value={pickedMonth()}
            onInput={(e) => setPickedMonth(e.currentTarget.value)}
            data-testid="dashboard-month"
          />
        </div>
        <fieldset class="filter filter-region">
          <legend>{t('reports.region')}</legend>
          <RegionPicker
            id="dashboard-region"
            label={t('reports.region')}
            value={pickedRegion()}
            onChange={(v) => setPickedRegion(v ?? '')}
          />
        </fieldset>
        <div class="filter filter-submit">
          <button type="submit" class="button button-primary" data-testid="dashboard-submit">
            {t('reports.show')}
          </button>
        </div>
      </form>
      <Show when={dashboard()}>
        {(d) => (
          <>
            <section class="card" aria-labelledby="dashboard-cities-title" data-testid="dashboard-cities">
              <h2 class="card-title" id="dashboard-cities-title">
                {d().regionName} · {d().month}
              </h2>
              <div class="table-wrap" tabindex="0">
                <table class="data-table report-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('reports.city')}</th>
                      <th scope="col">{t('reports.eventsHeld')}</th>
                      <th scope="col" class="num">
                        {t('reports.eventsMonth')}
                      </th>
                      <th scope="col" class="num">
                        {t('reports.firms')}
                      </th>
                      <th scope="col" class="num">
                        {t('reports.dealsSigned')}
                      </th>
                      <th scope="col" class="num">
                        {t('reports.contractValue')}
                      </th>
                      <th scope="col" class="num">
                        {t('reports.valueYi')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().cities}>{(row) => <CityRow row={row} />}</For>
                    <Show when={d().provinceWide}>
                      {(row) => <CityRow row={{ ...row(), name: t('reports.provinceWide') }} noTarget />}
                    </Show>
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('reports.total')}</th>
                      <td data-testid="dashboard-total-held">{d().department.events}</td>
                      <td class="num">{d().events.length}</td>
                      <td class="num">{d().department.firms}</td>
                      <td class="num" data-testid="dashboard-total-deals">
                        {d().department.deals}
                      </td>
                      <td class="num">{formatFen(BigInt(d().department.valueFen))}</td>
                      <td class="num" data-testid="dashboard-total-yi">
                        {d().department.valueYi}
                      </td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            </section>
            <section class="card" aria-labelledby="dashboard-events-title">
              <h2 class="card-title" id="dashboard-events-title">
                {t('reports.eventList')}
              </h2>
              <Show when={d().events.length > 0} fallback={<p class="muted">{t('reports.empty')}</p>}>
                <div class="table-wrap" tabindex="0">
                  <table class="data-table report-table" data-testid="dashboard-events">
                    <thead>
                      <tr>
                        <th scope="col">{t('reports.date')}</th>
                        <th scope="col">{t('reports.event')}</th>
                        <th scope="col" class="num">
                          {t('reports.firms')}
                        </th>
                        <th scope="col" class="num">
                          {t('reports.dealsSigned')}
                        </th>
                        <th scope="col" class="num">
                          {t('reports.contractValue')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={d().events}>
                        {(e) => (
                          <tr data-testid="dashboard-event" data-event={e.eventId}>
                            <td>{e.startDate}</td>
                            <th scope="row">
                              <A href={`/events/${e.eventId}/report`}>{e.title}</A>
                            </th>
                            <td class="num">{e.participants}</td>
                            <td class="num">{e.deals}</td>
                            <td class="num">{formatFen(BigInt(e.valueFen))}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </section>
            <section class="card" aria-labelledby="dashboard-series-title" data-testid="dashboard-series">
              <h2 class="card-title" id="dashboard-series-title">
                {t('reports.seriesTitle')}
              </h2>
              <p class="muted">{t('reports.seriesLead')}</p>
              <Show when={d().series.length > 0} fallback={<p class="muted">{t('reports.empty')}</p>}>
                <ul class="carry-list">
                  <For each={d().series}>
                    {(s) => (
                      <li class="carry-org" data-testid="dashboard-series-item">
                        <strong>{s.title}</strong>
                        <Show
                          when={s.nextEventId}
                          fallback={<span class="muted">{t('reports.noNext')}</span>}
                        >
                          {(next) => (
                            <A
                              href={`/events/${next()}/carry-over`}
                              class="button"
                              data-testid="dashboard-carry-link"
                            >
                              {t('reports.openCarryOver')}
                            </A>
                          )}
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </>
        )}
      </Show>
    </>
  );
}

/** A city against the target; province-wide events count towards no city's target (held only). */
function CityRow(props: { row: DashboardCityRow; noTarget?: boolean }) {
  const percent = () => Math.min(100, Math.round((props.row.held / props.row.target) * 100));
  return (
    <tr data-testid="dashboard-city" data-city={props.row.adcode} data-met={props.row.met ? 'true' : 'false'}>
      <th scope="row">{props.row.name}</th>
      <td>
        <Show
          when={!props.noTarget}
          fallback={<span data-testid="dashboard-city-held">{props.row.held}</span>}
        >
          <div class="target-bar" role="img" aria-label={`${props.row.held} / ${props.row.target}`}>
            <span
              class="target-bar-fill"
              classList={{ met: props.row.met }}
              style={{ width: `${percent()}%` }}
            />
          </div>
          <span data-testid="dashboard-city-held">
            {props.row.held} / {props.row.target}
          </span>{' '}
          <span class={props.row.met ? 'badge badge-ok' : 'badge'}>
            {props.row.met ? t('reports.metTarget') : t('reports.belowTarget')}
          </span>
        </Show>
      </td>
      <td class="num">{props.row.events}</td>
      <td class="num">{props.row.participants}</td>
      <td class="num">{props.row.deals}</td>
      <td class="num">{formatFen(BigInt(props.row.valueFen))}</td>
      <td class="num">{props.row.valueYi}</td>
    </tr>
  );
}
