import type { EventStatus, RegistrationStatus } from '../../api/events.ts';
import { t } from '../../i18n/index.ts';

const TONE: Record<string, string> = {
  draft: 'badge-muted',
  published: 'badge-green',
  closed: 'badge-blue',
  cancelled: 'badge-red',
  applied: 'badge-amber',
  approved: 'badge-green',
  refused: 'badge-red',
  withdrawn: 'badge-muted',
};

export function EventStatusBadge(props: { status: EventStatus }) {
  return (
    <span
      class={`badge ${TONE[props.status] ?? 'badge-muted'}`}
      data-testid="event-status"
      data-status={props.status}
    >
      {t(`events.statuses.${props.status}`)}
    </span>
  );
}

export function RegistrationBadge(props: { status: RegistrationStatus }) {
  return (
    <span
      class={`badge ${TONE[props.status] ?? 'badge-muted'}`}
      data-testid="registration-status"
      data-status={props.status}
    >
      {t(`events.registrationStatuses.${props.status}`)}
    </span>
  );
}
