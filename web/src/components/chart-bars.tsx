import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { langTag, t } from '../i18n/index.ts';

/**
 * Grouped horizontal bars (one group per category, one bar per series), drawn by ECharts, which is
 * loaded on first use with a dynamic import. The data should also be on the page as a table: the
 * chart is for the eye, the table for reading and for screen readers.
 */
export interface BarSeries {
  name: string;
  color: string;
  values: number[];
}

export function ChartBars(props: { categories: string[]; series: BarSeries[]; label: string }) {
  let host: HTMLDivElement | undefined;
  const [failed, setFailed] = createSignal(false);
  const [ready, setReady] = createSignal(false);
  /** The chart's width: on a phone the axis labels get less room, so the bars keep theirs. */
  const [width, setWidth] = createSignal(800);
  let chart: ReturnType<typeof import('./chart-echarts.ts').init> | undefined;
  let observer: ResizeObserver | undefined;

  onMount(async () => {
    try {
      const echarts = await import('./chart-echarts.ts');
      if (!host) return;
      chart = echarts.init(host, undefined, {
        renderer: 'svg',
        locale: langTag().startsWith('zh') ? 'ZH' : 'EN',
      });
      setWidth(host.clientWidth || 800);
      observer = new ResizeObserver(() => {
        if (host && host.clientWidth > 0 && host.clientWidth !== width()) setWidth(host.clientWidth);
        chart?.resize();
      });
      observer.observe(host);
      setReady(true);
    } catch {
      setFailed(true);
    }
  });

  onCleanup(() => {
    observer?.disconnect();
    chart?.dispose();
  });

  const height = () => Math.max(220, props.categories.length * (props.series.length * 14 + 18) + 80);

  createEffect(() => {
    if (!ready() || !chart) return;
    const number = new Intl.NumberFormat(langTag(), { maximumFractionDigits: 1, notation: 'compact' });
    const narrow = width() < 560;
    // at most a third of the width for the category labels (two lines, cut with an ellipsis)
    const labelWidth = Math.round(Math.min(260, Math.max(80, width() * 0.3)));
    chart.resize({ height: height() });
    chart.setOption(
      {
        aria: { enabled: true, label: { description: props.label } },
        animation: false,
        grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0, data: props.series.map((s) => s.name) },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: {
          type: 'value',
          splitNumber: narrow ? 2 : 5,
          axisLabel: { formatter: (v: number) => number.format(v), hideOverlap: true },
        },
        yAxis: {
          type: 'category',
          inverse: true,
          data: props.categories,
          axisLabel: {
            width: labelWidth,
            overflow: narrow ? 'truncate' : 'break',
            lineHeight: 16,
            fontSize: narrow ? 11 : 12,
          },
        },
        series: props.series.map((s) => ({
          type: 'bar',
          name: s.name,
          data: s.values,
          itemStyle: { color: s.color },
          barMaxWidth: 14,
        })),
      },
      { notMerge: true },
    );
  });

  return (
    <div class="chart" data-testid="chart">
      <Show when={!ready() && !failed()}>
        <p class="muted chart-status">{t('lists.chartLoading')}</p>
      </Show>
      <Show when={failed()}>
        <p class="field-error chart-status">{t('lists.chartFailed')}</p>
      </Show>
      <div
        ref={host}
        class="chart-canvas"
        role="img"
        aria-label={props.label}
        data-ready={ready() ? 'true' : undefined}
        style={{ height: `${height()}px` }}
      />
    </div>
  );
}
