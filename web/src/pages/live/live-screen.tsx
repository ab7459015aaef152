import { useParams } from '@solidjs/router';
import { createSignal, For, lazy, onCleanup, onMount, Show, Suspense } from 'solid-js';
import type { DashboardSnapshot } from '../../../../functions/contract/live.ts';
import { langTag, localized, t } from '../../i18n/index.ts';

/**
 * The hall's big screen (public, by the event's unguessable token; no sign-in, no contacts, no
 * prices): large type, high contrast. Live: the local server offers a server-sent event stream (used
 * when the snapshot names one); otherwise — in AWS — it polls every second with If-None-Match, and a
 * 304 costs nothing. Charts load ECharts lazily.
 */
const ChartBars = lazy(async () => ({
  default: (await import('../../components/chart-bars.tsx')).ChartBars,
}));

const yuan = (fen: number) =>
  new Intl.NumberFormat(langTag(), { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(
    Math.round(fen / 100),
  );

export default function LiveScreen() {
  const params = useParams<{ token: string }>();
  const [snapshot, setSnapshot] = createSignal<DashboardSnapshot>();
  const [missing, setMissing] = createSignal(false);
  let etag = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let source: EventSource | undefined;
  let stopped = false;

  const poll = async () => {
    try {
      const res = await fetch(`/api/public/live/${encodeURIComponent(params.token)}`, {
        headers: etag ? { 'If-None-Match': etag } : {},
        cache: 'no-store',
      });
      if (res.status === 404) return setMissing(true);
      if (res.ok) {
        etag = res.headers.get('ETag') ?? '';
        const next = (await res.json()) as DashboardSnapshot;
        setSnapshot(next);
        if (next.stream && !source && typeof EventSource !== 'undefined') {
          source = new EventSource(next.stream);
          source.addEventListener('snapshot', (e) => setSnapshot(JSON.parse((e as MessageEvent).data)));
          source.onerror = () => {
            source?.close(); // fall back to polling; a later snapshot may offer the stream again
            source = undefined;
          };
        }
      }
    } catch {
      // the hall's Wi-Fi dropped: the next poll catches up
    }
    if (!stopped && !source) timer = setTimeout(poll, 1000);
    else if (!stopped) timer = setTimeout(poll, 15_000); // a slow heartbeat behind the stream
  };

  onMount(() => void poll());
  onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  });

  const projection = (points: DashboardSnapshot['supplyPoints']) => {
    const lats = points.map((p) => p.lat);
    const lngs = points.map((p) => p.lng);
    const [la0, la1, ln0, ln1] = [
      Math.min(...lats) - 1,
      Math.max(...lats) + 1,
      Math.min(...lngs) - 1,
      Math.max(...lngs) + 1,
    ];
    const max = Math.max(...points.map((p) => p.valueFen), 1);
    return points.map((p) => ({
      ...p,
      x: 20 + ((p.lng - ln0) / (ln1 - ln0)) * 560,
      y: 20 + ((la1 - p.lat) / (la1 - la0)) * 360,
      r: 8 + 32 * Math.sqrt(p.valueFen / max),
    }));
  };

  return (
    <main class="live-screen" data-testid="live-screen">
      <Show when={missing()}>
        <p class="live-screen-missing">{t('live.notFound')}</p>
      </Show>
      <Show when={snapshot()}>
        {(s) => (
          <>
            <header class="live-screen-header">
              <h1>{s().title}</h1>
              <p>
                {s().date}
                <Show when={s().current !== null}>
                  {' · '}
                  {t('live.nowSlot', { n: (s().current ?? 0) + 1 })}
                </Show>
                <Show when={s().nextStart}>
                  {' · '}
                  {t('live.nextAt', { time: s().nextStart ?? '' })}
                </Show>
                <span class="live-screen-dot"> ● {t('live.updated')}</span>
              </p>
            </header>
            <section class="live-screen-figures">
              <div>
                <span class="live-figure" data-testid="live-checked-in">
                  {s().checkedIn}
                </span>
                <span class="live-label">
                  {t('live.checkedIn')} / {s().participants}
                </span>
              </div>
              <div>
                <span class="live-figure" data-testid="live-meetings-held">
                  {s().meetingsHeld}
                </span>
                <span class="live-label">
                  {t('live.meetingsHeld')} · {t('live.underWay')} {s().meetingsUnderWay}
                </span>
              </div>
              <div>
                <span class="live-figure" data-testid="live-deals">
                  {s().deals}
                </span>
                <span class="live-label">
                  {t('live.deals')} · {t('live.intents')} {s().intents}
                </span>
              </div>
              <div>
                <span class="live-figure" data-testid="live-value">
                  {yuan(s().valueFen)}
                </span>
                <span class="live-label">{t('live.value')}</span>
              </div>
            </section>
            <Show when={s().deals > 0}>
              <section class="live-screen-charts">
                <div>
                  <h2>{t('live.byCategory')}</h2>
                  <Suspense>
                    <ChartBars
                      label={t('live.byCategory')}
                      categories={s().byCategory.map((c) => localized(c.name))}
                      series={[
                        {
                          name: t('live.value'),
                          color: '#ffd54f',
                          values: s().byCategory.map((c) => c.valueFen / 100),
                        },
                      ]}
                    />
                  </Suspense>
                </div>
                <div>
                  <h2>{t('live.byRegion')}</h2>
                  <Suspense>
                    <ChartBars
                      label={t('live.byRegion')}
                      categories={s().byRegion.map((r) => r.name)}
                      series={[
                        {
                          name: t('live.value'),
                          color: '#4fc3f7',
                          values: s().byRegion.map((r) => r.valueFen / 100),
                        },
                      ]}
                    />
                  </Suspense>
                </div>
                <div>
                  <h2>{t('live.map')}</h2>
                  <svg viewBox="0 0 600 400" role="img" aria-label={t('live.map')} class="live-map">
                    <For each={projection(s().supplyPoints)}>
                      {(p) => (
                        <g>
                          <circle cx={p.x} cy={p.y} r={p.r} fill="#ffd54f" fill-opacity="0.7" />
                          <text x={p.x} y={p.y - p.r - 6} text-anchor="middle" fill="#fff" font-size="22">
                            {p.name}
                          </text>
                        </g>
                      )}
                    </For>
                  </svg>
                </div>
              </section>
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}
