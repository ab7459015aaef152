import { A, createAsync, type RouteSectionProps } from '@solidjs/router';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { fenToYuanText } from '../../../../functions/contract/money.ts';
import { ApiError } from '../../api/client.ts';
import {
  downloadEventReport,
  type EventReport,
  getEventReport,
  type ReportRegionRow,
} from '../../api/reports.ts';
import { ChartBars } from '../../components/chart-bars.tsx';
import { formatFen } from '../../components/deal-format.ts';
import { lang, langTag, localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';

/**
 * /events/:eventId/report — the event report for its organizers: participants, the matching round,
 * meetings, deals (letters of intent and contracts, count and value) by category and by the
 * supply's province and city with charts (ECharts, loaded lazily), the enrolled demand met, and the
 * departments' format (亿元, 万元). Downloads as .xlsx with the same figures; prints without menus
 * or buttons.
 */
export default function EventReportPage(props: RouteSectionProps) {
  usePageTitle('reports.title');
  const report = createAsync(() => getEventReport(props.params.eventId ?? ''));
  return <Show when={report()}>{(r) => <ReportView report={r()} />}</Show>;
}

const yuanNumber = (fen: string) => Number(fenToYuanText(BigInt(fen)));
const money = (fen: string) => formatFen(BigInt(fen));
const quantity = (n: number) =>
  new Intl.NumberFormat(langTag(lang()), { maximumFractionDigits: 3 }).format(n);

function Figure(props: { label: string; value: JSX.Element; testid: string }) {
  return (
    <div class="report-figure">
      <span class="report-figure-label">{props.label}</span>
      <span class="report-figure-value" data-testid={props.testid}>
        {props.value}
      </span>
    </div>
  );
}

function ReportView(props: { report: EventReport }) {
  const r = () => props.report;
  const [busy, setBusy] = createSignal(false);
  const [downloaded, setDownloaded] = createSignal<string | null>(null);
  const [failed, setFailed] = createSignal<ApiError | null>(null);
  const download = async () => {
    if (busy()) return;
    setBusy(true);
    setFailed(null);
    try {
      setDownloaded(await downloadEventReport(r().eventId, lang()));
    } catch (error) {
      if (error instanceof ApiError) setFailed(error);
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="printable report" data-testid="event-report">
      <div class="toolbar no-print">
        <A href={`/events/${r().eventId}`}>{t('events.backToEvent')}</A>
        <div class="toolbar-actions">
          <button
            type="button"
            class="button button-primary"
            disabled={busy()}
            aria-busy={busy()}
            data-testid="report-download"
            onClick={() => void download()}
          >
            {busy() ? t('reports.downloading') : t('reports.download')}
          </button>
          <button type="button" class="button" onClick={() => window.print()} data-testid="report-print">
            {t('reports.print')}
          </button>
        </div>
      </div>
      <Show when={downloaded()}>
        {(name) => (
          <p class="hint no-print" role="status" data-testid="report-downloaded">
            {t('reports.downloaded', { name: name() })}
          </p>
        )}
      </Show>
      <Show when={failed()}>
        {(e) => (
          <div class="alert alert-error no-print" role="alert">
            {localized(e().messages)}
          </div>
        )}
      </Show>
      <header class="page-header print-header">
        <div>
          <p class="eyebrow">{t('reports.title')}</p>
          <h1 class="page-title" data-testid="report-title">
            {r().title}
          </h1>
          <p class="page-lead">
            {r().startDate === r().endDate ? r().startDate : `${r().startDate} – ${r().endDate}`} ·{' '}
            {r().regionName} · {r().organizerName}
          </p>
          <p class="muted">
            {t('reports.generatedAt', {
              time: new Date(r().generatedAt).toLocaleString(langTag(lang()), { timeZone: 'Asia/Shanghai' }),
            })}
          </p>
        </div>
      </header>

      <section
        class="card report-department"
        aria-labelledby="report-department-title"
        data-testid="report-department"
      >
        <h2 class="card-title" id="report-department-title">
          {t('reports.department')}
        </h2>
        <div class="report-figures">
          <Figure label={t('reports.events')} value={r().department.events} testid="dept-events" />
          <Figure label={t('reports.firms')} value={r().department.firms} testid="dept-firms" />
          <Figure label={t('reports.dealsSigned')} value={r().department.deals} testid="dept-deals" />
          <Figure label={t('reports.valueYi')} value={r().department.valueYi} testid="dept-yi" />
          <Figure label={t('reports.valueWan')} value={r().department.valueWan} testid="dept-wan" />
        </div>
      </section>

      <div class="report-grid">
        <section class="card" aria-labelledby="report-participants-title">
          <h2 class="card-title" id="report-participants-title">
            {t('reports.participants')}
          </h2>
          <div class="report-figures">
            <Figure
              label={t('reports.registered')}
              value={r().participants.registered}
              testid="participants-registered"
            />
            <Figure
              label={t('reports.approved')}
              value={r().participants.approved}
              testid="participants-approved"
            />
            <Figure
              label={t('reports.checkedIn')}
              value={r().participants.checkedIn}
              testid="participants-checked-in"
            />
          </div>
        </section>
        <section class="card" aria-labelledby="report-matches-title">
          <h2 class="card-title" id="report-matches-title">
            {t('reports.matches')}
          </h2>
          <div class="report-figures">
            <Figure label={t('reports.proposed')} value={r().matches.proposed} testid="matches-proposed" />
            <Figure label={t('reports.accepted')} value={r().matches.accepted} testid="matches-accepted" />
            <Figure label={t('reports.confirmed')} value={r().matches.confirmed} testid="matches-confirmed" />
          </div>
        </section>
        <section class="card" aria-labelledby="report-meetings-title">
          <h2 class="card-title" id="report-meetings-title">
            {t('reports.meetings')}
          </h2>
          <div class="report-figures">
            <Figure
              label={t('reports.scheduled')}
              value={r().meetings.scheduled}
              testid="meetings-scheduled"
            />
            <Figure label={t('reports.held')} value={r().meetings.held} testid="meetings-held" />
            <Figure label={t('reports.noShows')} value={r().meetings.noShows} testid="meetings-no-shows" />
          </div>
        </section>
        <section class="card" aria-labelledby="report-deals-title">
          <h2 class="card-title" id="report-deals-title">
            {t('reports.deals')}
          </h2>
          <div class="report-figures">
            <Figure
              label={t('reports.contracts')}
              value={r().deals.contracts.count}
              testid="deals-contracts"
            />
            <Figure
              label={t('reports.contractValue')}
              value={money(r().deals.contracts.valueFen)}
              testid="deals-contract-value"
            />
            <Figure label={t('reports.intents')} value={r().deals.intents.count} testid="deals-intents" />
            <Figure
              label={t('reports.intentValue')}
              value={money(r().deals.intents.valueFen)}
              testid="deals-intent-value"
            />
          </div>
          <p class="muted">
            {t('reports.pending', {
              count: r().deals.pending.count,
              value: money(r().deals.pending.valueFen),
            })}{' '}
            · {t('reports.disputed', { count: r().deals.disputed })}
          </p>
        </section>
      </div>

      <section class="card" aria-labelledby="report-category-title" data-testid="report-by-category">
        <h2 class="card-title" id="report-category-title">
          {t('reports.byCategory')}
        </h2>
        <Show when={r().byCategory.length > 0} fallback={<p class="muted">{t('reports.empty')}</p>}>
          <ChartBars
            label={t('reports.byCategory')}
            categories={r().byCategory.map((c) => c.name[lang()])}
            series={[
              {
                name: t('reports.contractValue'),
                color: '#0f766e',
                values: r().byCategory.map((c) => yuanNumber(c.contracts.valueFen)),
              },
              {
                name: t('reports.intentValue'),
                color: '#f59e0b',
                values: r().byCategory.map((c) => yuanNumber(c.intents.valueFen)),
              },
            ]}
          />
          <DealTable
            first={t('reports.category')}
            rows={r().byCategory.map((c) => ({ key: c.category, cells: [c.name[lang()]], row: c }))}
          />
        </Show>
      </section>

      <section class="card" aria-labelledby="report-region-title" data-testid="report-by-region">
        <h2 class="card-title" id="report-region-title">
          {t('reports.byCity')}
        </h2>
        <Show when={r().byCity.length > 0} fallback={<p class="muted">{t('reports.empty')}</p>}>
          <ChartBars
            label={t('reports.byCity')}
            categories={r().byCity.map((c) => c.name)}
            series={[
              {
                name: t('reports.contractValue'),
                color: '#0f766e',
                values: r().byCity.map((c) => yuanNumber(c.contracts.valueFen)),
              },
              {
                name: t('reports.intentValue'),
                color: '#f59e0b',
                values: r().byCity.map((c) => yuanNumber(c.intents.valueFen)),
              },
            ]}
          />
          <RegionTable rows={r().byCity} city />
          <h3 class="card-subtitle">{t('reports.byProvince')}</h3>
          <RegionTable rows={r().byProvince} city={false} />
        </Show>
      </section>

      <section class="card" aria-labelledby="report-demand-title" data-testid="report-demand">
        <h2 class="card-title" id="report-demand-title">
          {t('reports.demand')}
        </h2>
        <Show when={r().demand.length > 0} fallback={<p class="muted">{t('reports.empty')}</p>}>
          <div class="table-wrap" tabindex="0">
            <table class="data-table report-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.spec')}</th>
                  <th scope="col">{t('reports.listings')}</th>
                  <th scope="col" class="num">
                    {t('reports.enrolled')}
                  </th>
                  <th scope="col" class="num">
                    {t('reports.met')}
                  </th>
                  <th scope="col" class="num">
                    {t('reports.intended')}
                  </th>
                  <th scope="col" class="num">
                    {t('reports.metPercent')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={r().demand}>
                  {(d) => (
                    <tr data-testid="report-demand-row" data-spec={d.specId}>
                      <th scope="row">{d.name[lang()]}</th>
                      <td>{d.listings}</td>
                      <td class="num">
                        {quantity(d.enrolled)} {d.unitSymbol[lang()]}
                      </td>
                      <td class="num">
                        {quantity(d.met)} {d.unitSymbol[lang()]}
                      </td>
                      <td class="num">
                        {quantity(d.intended)} {d.unitSymbol[lang()]}
                      </td>
                      <td class="num" data-testid="report-demand-percent">
                        {d.metPercent}%
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <p class="muted">
            {t('reports.fullyMet', {
              fullyMet: r().demandListingsFullyMet.fullyMet,
              listings: r().demandListingsFullyMet.listings,
              percent: r().demandListingsFullyMet.percent,
            })}
          </p>
        </Show>
      </section>
    </div>
  );
}

interface DealRow {
  key: string;
  cells: string[];
  row: { intents: { count: number; valueFen: string }; contracts: { count: number; valueFen: string } };
}

function DealTable(props: { first: string; second?: string; rows: DealRow[] }) {
  return (
    <div class="table-wrap" tabindex="0">
      <table class="data-table report-table">
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            <Show when={props.second}>
              <th scope="col">{props.second}</th>
            </Show>
            <th scope="col" class="num">
              {t('reports.contracts')}
            </th>
            <th scope="col" class="num">
              {t('reports.contractValue')}
            </th>
            <th scope="col" class="num">
              {t('reports.intents')}
            </th>
            <th scope="col" class="num">
              {t('reports.intentValue')}
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr data-testid="report-row" data-key={row.key}>
                <th scope="row">{row.cells[0]}</th>
                <Show when={row.cells.length > 1}>
                  <td>{row.cells[1]}</td>
                </Show>
                <td class="num">{row.row.contracts.count}</td>
                <td class="num" data-testid="report-row-contract-value">
                  {money(row.row.contracts.valueFen)}
                </td>
                <td class="num">{row.row.intents.count}</td>
                <td class="num">{money(row.row.intents.valueFen)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function RegionTable(props: { rows: ReportRegionRow[]; city: boolean }) {
  return (
    <DealTable
      first={t('reports.province')}
      second={props.city ? t('reports.city') : undefined}
      rows={props.rows.map((r) => ({
        key: r.adcode,
        cells: props.city ? [r.provinceName, r.name] : [r.provinceName],
        row: r,
      }))}
    />
  );
}
