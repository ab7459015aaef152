import { A, createAsync, type RouteSectionProps, revalidate } from '@solidjs/router';
import {
  createEffect,
  createSignal,
  ErrorBoundary,
  For,
  lazy,
  onCleanup,
  Show,
  Suspense,
  startTransition,
} from 'solid-js';
import { MAX_LISTINGS_READ } from '../../../../functions/contract/capped.ts';
import { ApiError } from '../../api/client.ts';
import {
  ACTIVE_RUN_STATUSES,
  getAllProposals,
  getProposals,
  getRun,
  getRuns,
  type MatchingRun,
  publishStep,
  type RunTotals,
} from '../../api/runs.ts';
import { Loading } from '../../components/load-error.tsx';
import {
  formatDate,
  formatKm,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  itemName,
  useCatalogue,
} from '../../components/match-format.ts';
import { MatchReasons } from '../../components/match-reasons.tsx';
import { NotJoinedBadge } from '../../components/not-joined-badge.tsx';
import { RegionName } from '../../components/region-name.tsx';
import { RunStatusBadge, runScope } from '../../components/run-status.tsx';
import { localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';

/** The SVG map is drawn only once there are flows to draw; its code loads then. */
const FlowMap = lazy(() => import('../../components/map-flows.tsx'));

const POLL_MS = 800;

/**
 * One matching run: a progress bar while it is queued or running (polled), then the totals —
 * demand met, tonne-km, in-province share, freight and the saving against nearest-first greedy,
 * with the optimality certificate — a map of the flows, the proposals page by page, and Publish.
 */
export default function RunDetailPage(props: RouteSectionProps) {
  usePageTitle('runs.runTitle');
  const catalogue = useCatalogue();
  const run = createAsync(() => getRun(props.params.runId ?? ''));

  createEffect(() => {
    const current = run();
    if (!current || !ACTIVE_RUN_STATUSES.includes(current.status)) return;
    const timer = setTimeout(() => void revalidate(getRun.keyFor(current.id)), POLL_MS);
    onCleanup(() => clearTimeout(timer));
  });

  return (
    <Show when={run()}>
      {(r) => (
        <>
          <header class="page-header">
            <div>
              <p class="eyebrow">
                <A href="/runs">{t('runs.back')}</A>
              </p>
              <h1 class="page-title">{t('runs.runTitle')}</h1>
              <p class="page-lead">
                <span>{runScope(r(), (id) => catalogue()?.categoryName(id) ?? id)}</span>
                <span aria-hidden="true">·</span>
                <RegionName adcode={r().region} />
                <span aria-hidden="true">·</span>
                <span>{formatDate(r().createdAt, true)}</span>
              </p>
            </div>
            <RunStatusBadge status={r().status} />
          </header>
          <div class="run-page" data-testid="run-page" data-status={r().status}>
            <Show when={r().status === 'queued' || r().status === 'running' || r().status === 'failed'}>
              <RunProgress run={r()} />
            </Show>
            <Show when={r().totals}>{(totals) => <RunTotalsView run={r()} totals={totals()} />}</Show>
            <Show when={r().totals && r().proposalCount > 0}>
              <PublishPanel run={r()} />
              <section class="card" aria-labelledby="run-map-title">
                <h2 id="run-map-title" class="card-title">
                  {t('runs.mapTitle')}
                </h2>
                <ErrorBoundary
                  fallback={(e) => (
                    <p class="field-error">{e instanceof ApiError ? localized(e.messages) : String(e)}</p>
                  )}
                >
                  <Suspense fallback={<Loading />}>
                    <RunMap run={r()} />
                  </Suspense>
                </ErrorBoundary>
              </section>
            </Show>
            <Show when={r().totals}>
              <ProposalsTable run={r()} />
            </Show>
          </div>
        </>
      )}
    </Show>
  );
}

function RunProgress(props: { run: MatchingRun }) {
  const percent = () => Math.round(Math.min(1, Math.max(0, props.run.progress)) * 100);
  return (
    <section class="card run-progress" aria-labelledby="run-progress-title">
      <h2 id="run-progress-title" class="card-title">
        {t('runs.progress')}
      </h2>
      <Show
        when={props.run.status !== 'failed'}
        fallback={
          <div class="alert alert-error" role="alert" data-testid="run-failed">
            {t('runs.failed', { error: props.run.error ?? '' })}
          </div>
        }
      >
        <ProgressBar percent={percent()} label={t(`runs.stages.${props.run.stage}`)} testId="run-progress" />
      </Show>
    </section>
  );
}

function ProgressBar(props: { percent: number; label: string; testId: string }) {
  return (
    <div class="progress-wrap">
      <div
        class="progress"
        role="progressbar"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow={props.percent}
        aria-valuetext={`${props.label} ${props.percent}%`}
        data-testid={props.testId}
      >
        <div class="progress-bar" style={{ width: `${props.percent}%` }} />
      </div>
      <p class="progress-label" aria-live="polite">
        <span>{props.label}</span>
        <span>{props.percent}%</span>
      </p>
    </div>
  );
}

/** The saving against greedy, as the one line an official quotes. */
function greedyLine(totals: RunTotals): string | undefined {
  const g = totals.greedy;
  if (!g || g.cost <= 0) return undefined;
  const saving = (g.cost - totals.cost) / g.cost;
  const morePlaced = totals.placed - g.placed;
  const extra = formatNumber(morePlaced, 3);
  if (saving > 0.0005) {
    const line = t('runs.greedySaving', { share: formatPercent(saving) });
    return morePlaced > 0
      ? `${line}${t('reasons.separator')}${t('runs.greedyMorePlaced', { quantity: extra })}`
      : line;
  }
  if (saving >= -0.0005) return t('runs.greedySame');
  return t('runs.greedyCostlier', { share: formatPercent(-saving), quantity: extra });
}

function RunTotalsView(props: { run: MatchingRun; totals: RunTotals }) {
  const goods = () => props.run.kind === 'goods';
  return (
    <section class="card" aria-labelledby="run-totals-title" data-testid="run-totals">
      <div class="card-head">
        <h2 id="run-totals-title" class="card-title">
          {t('runs.totals')}
        </h2>
        <span
          class={`badge ${props.totals.certified ? 'badge-green' : 'badge-muted'} certified-badge`}
          title={props.totals.certified ? t('runs.certifiedHint') : undefined}
          data-testid="run-certified"
          data-certified={String(props.totals.certified)}
        >
          {props.totals.certified ? `✓ ${t('runs.certified')}` : t('runs.notCertified')}
        </span>
      </div>
      <Show when={props.totals.inputCapped}>
        <p class="alert alert-warning" role="status" data-testid="run-input-capped">
          {t('runs.inputCapped', { count: formatNumber(MAX_LISTINGS_READ) })}
        </p>
      </Show>
      <Show when={goods() ? greedyLine(props.totals) : undefined}>
        {(line) => (
          <div class="greedy-line" data-testid="run-greedy">
            <p class="greedy-headline">{line()}</p>
            <Show when={props.totals.greedy}>
              {(g) => (
                <p class="muted">
                  {t('runs.greedyDetail', {
                    cost: formatMoney(g().cost),
                    unitKm: formatNumber(g().unitKm, 0),
                    placed: formatNumber(g().placed, 3),
                  })}
                </p>
              )}
            </Show>
          </div>
        )}
      </Show>
      <dl class="stat-grid">
        <div class="stat" data-testid="stat-placed">
          <dt>{t('runs.placedShare')}</dt>
          <dd class="stat-value">{formatPercent(props.totals.placedShare)}</dd>
          <dd class="stat-note">
            {t('runs.placedOf', {
              placed: formatNumber(props.totals.placed, 3),
              needed: formatNumber(props.totals.needed, 3),
            })}
          </dd>
        </div>
        <div class="stat" data-testid="stat-unit-km">
          <dt>{goods() ? t('runs.unitKm') : t('runs.personKm')}</dt>
          <dd class="stat-value">{formatNumber(props.totals.unitKm, 0)}</dd>
        </div>
        <div class="stat" data-testid="stat-in-province">
          <dt>{t('runs.inProvinceShare')}</dt>
          <dd class="stat-value">{formatPercent(props.totals.inProvinceShare)}</dd>
        </div>
        <div class="stat" data-testid="stat-cost">
          <dt>{goods() ? t('runs.cost') : t('runs.costLabour')}</dt>
          <dd class="stat-value">
            {goods()
              ? formatMoney(props.totals.cost)
              : t('runs.costLabourValue', {
                  km: formatKm(props.totals.placed > 0 ? props.totals.cost / props.totals.placed : 0),
                })}
          </dd>
        </div>
      </dl>
      <p class="muted run-stats">
        {t('runs.stats', {
          offers: formatNumber(props.totals.offers, 0),
          needs: formatNumber(props.totals.needs, 0),
          pairs: formatNumber(props.totals.candidatePairs, 0),
          ms: formatNumber(props.totals.solveMs, 0),
        })}
      </p>
    </section>
  );
}

function RunMap(props: { run: MatchingRun }) {
  const all = createAsync(() => getAllProposals(props.run.id));
  return (
    <Show when={all()}>
      {(data) => (
        <>
          <FlowMap proposals={data().items} kind={props.run.kind} region={props.run.region} />
          <Show when={!data().complete}>
            <p class="muted">{t('runs.mapPartial', { count: formatNumber(data().items.length, 0) })}</p>
          </Show>
        </>
      )}
    </Show>
  );
}

function PublishPanel(props: { run: MatchingRun }) {
  const [step, setStep] = createSignal<MatchingRun>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<ApiError>();
  const current = () => step() ?? props.run;
  const publish = async () => {
    if (busy()) return;
    setBusy(true);
    setError(undefined);
    try {
      let r = await publishStep(props.run.id);
      setStep(r);
      while (r.status !== 'published') {
        r = await publishStep(props.run.id);
        setStep(r);
      }
      await revalidate([getRun.keyFor(props.run.id), getRuns.key]);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  };
  const percent = () => {
    const r = current();
    return Math.round((r.publishedChunks / Math.max(1, r.chunkCount)) * 100);
  };
  return (
    <section class="card publish-panel" data-testid="run-publish">
      <Show
        when={current().status === 'published'}
        fallback={
          <>
            <p>{t('runs.publishHint')}</p>
            <Show when={busy() || current().status === 'publishing'}>
              <ProgressBar
                percent={percent()}
                label={t('runs.publishing', { done: current().publishedChunks, total: current().chunkCount })}
                testId="publish-progress"
              />
            </Show>
            <Show when={error()}>
              {(e) => (
                <div class="alert alert-error" role="alert">
                  {localized(e().messages)}
                </div>
              )}
            </Show>
            <div class="form-actions">
              <button
                type="button"
                class="button button-primary"
                disabled={busy() || !current().actions.includes('publish')}
                aria-busy={busy()}
                onClick={publish}
                data-testid="run-publish-button"
              >
                {busy()
                  ? t('runs.publishing', { done: current().publishedChunks, total: current().chunkCount })
                  : t('runs.publish')}
              </button>
            </div>
          </>
        }
      >
        <div class="alert alert-success" role="status" data-testid="run-published">
          <p>{t('runs.published', { sent: current().publishedMatches })}</p>
          <Show when={current().proposalCount - current().publishedMatches > 0}>
            <p>
              {t('runs.publishedSkipped', { skipped: current().proposalCount - current().publishedMatches })}
            </p>
          </Show>
        </div>
      </Show>
    </section>
  );
}

function ProposalsTable(props: { run: MatchingRun }) {
  useCatalogue();
  const [page, setPage] = createSignal(0);
  const data = createAsync(() => getProposals(props.run.id, page()));
  const goods = () => props.run.kind === 'goods';
  const go = (next: number) => startTransition(() => setPage(next));
  return (
    <section class="card" aria-labelledby="run-proposals-title" data-testid="run-proposals">
      <h2 id="run-proposals-title" class="card-title">
        {t('runs.proposalsTitle', { count: formatNumber(props.run.proposalCount, 0) })}
      </h2>
      <Show when={props.run.proposalCount > 0} fallback={<p class="muted">{t('runs.noProposals')}</p>}>
        <Suspense fallback={<Loading />}>
          <Show when={data()}>
            {(body) => (
              <>
                <div class="table-wrap" tabindex="0">
                  <table class="data-table proposals-table">
                    <thead>
                      <tr>
                        <th scope="col">{goods() ? t('runs.mapSupplier') : t('runs.mapLender')}</th>
                        <th scope="col">{goods() ? t('runs.mapSite') : t('runs.mapEmployer')}</th>
                        <th scope="col">{goods() ? t('matches.item') : t('matches.skill')}</th>
                        <th scope="col" class="num">
                          {t('matches.quantity')}
                        </th>
                        <th scope="col" class="num">
                          {t('matches.distance')}
                        </th>
                        <Show when={goods()}>
                          <th scope="col" class="num">
                            {t('matches.freight')}
                          </th>
                        </Show>
                        <th scope="col">{t('matches.reasons')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={body().items}>
                        {(p) => (
                          <tr data-testid="proposal-row">
                            <td>
                              {p.offerOrgName}
                              <Show when={p.notJoined?.includes('offer')}>
                                {' '}
                                <NotJoinedBadge />
                              </Show>
                            </td>
                            <td>
                              {p.needOrgName}
                              <Show when={p.notJoined?.includes('need')}>
                                {' '}
                                <NotJoinedBadge />
                              </Show>
                            </td>
                            <td>
                              {itemName(props.run.kind, p.offerItem)}
                              <Show when={p.substitute}>
                                {' '}
                                <span class="badge badge-amber">{t('matches.substitute')}</span>
                              </Show>
                            </td>
                            <td class="num">{formatQuantity(p.quantity, p.unit)}</td>
                            <td class="num">
                              {t('matches.distanceValue', { km: formatKm(p.distanceKm) })}{' '}
                              <span class={`badge ${p.crossProvince ? 'badge-amber' : 'badge-green'}`}>
                                {p.crossProvince ? t('matches.crossProvince') : t('matches.inProvince')}
                              </span>
                            </td>
                            <Show when={goods()}>
                              <td class="num">
                                {p.freightCost !== undefined ? formatMoney(p.freightCost) : ''}
                              </td>
                            </Show>
                            <td class="reasons-cell">
                              <details>
                                <summary>
                                  {t('matches.reasons')} ({p.reasons.length})
                                </summary>
                                <MatchReasons
                                  reasons={p.reasons}
                                  context={{ kind: props.run.kind, offerItem: p.offerItem, unit: p.unit }}
                                />
                              </details>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <Show when={body().pages > 1}>
                  <nav class="pager" aria-label={t('runs.proposals')}>
                    <button
                      type="button"
                      class="button"
                      disabled={page() === 0}
                      onClick={() => go(page() - 1)}
                    >
                      {t('runs.prev')}
                    </button>
                    <span data-testid="proposals-page">
                      {t('runs.page', { page: body().page + 1, pages: body().pages })}
                    </span>
                    <button
                      type="button"
                      class="button"
                      disabled={body().nextPage === undefined}
                      onClick={() => go(page() + 1)}
                    >
                      {t('runs.next')}
                    </button>
                  </nav>
                </Show>
              </>
            )}
          </Show>
        </Suspense>
      </Show>
    </section>
  );
}
