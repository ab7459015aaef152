import type { MatchingRun, RunStatus } from '../api/runs.ts';
import { t } from '../i18n/index.ts';

const TONE: Record<RunStatus, string> = {
  queued: 'badge-muted',
  running: 'badge-blue',
  done: 'badge-green',
  failed: 'badge-red',
  publishing: 'badge-amber',
  published: 'badge-green',
};

/** A matching run's status as a coloured badge. */
export function RunStatusBadge(props: { status: RunStatus }) {
  return (
    <span class={`badge ${TONE[props.status]}`} data-testid="run-status" data-status={props.status}>
      {t(`runs.statuses.${props.status}`)}
    </span>
  );
}

/** What a run covers: 物资 · 水泥 / Goods · Cement. */
export function runScope(
  run: Pick<MatchingRun, 'kind' | 'category'>,
  categoryName: (id: string) => string,
): string {
  return `${t(`runs.kinds.${run.kind}`)}${run.category ? ` · ${categoryName(run.category)}` : ''}`;
}
