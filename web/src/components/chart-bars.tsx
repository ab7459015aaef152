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
      observer = new ResizeObserver(() => chart?.resize());
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
    chart.resize({ height: height() });
    chart.setOption(
      {
        aria: { enabled: true, label: { description: props.label } },
        animation: false,
        grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0, data: props.series.map((s) => s.name) },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => number.format(v) } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: props.categories,
          axisLabel: { width: 260, overflow: 'break', lineHeight: 16 },
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
