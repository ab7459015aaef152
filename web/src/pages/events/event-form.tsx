import { A, createAsync, type RouteSectionProps, revalidate, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { getCatalogue } from '../../api/catalogue.ts';
import {
  createEvent,
  EVENT_KINDS,
  EVENT_MODES,
  type EventBreak,
  type EventDay,
  type EventInput,
  type EventKind,
  type EventMode,
  getEvent,
  type MatchEvent,
  updateEvent,
} from '../../api/events.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { Field, FormMessage } from '../../components/field.tsx';
import { today } from '../../components/listing-format.ts';
import { RegionPicker } from '../../components/region-picker.tsx';
import { createFormErrors, fieldId, focusFirstError } from '../../forms.ts';
import { lang, localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { myEventsChanged } from './events.data.ts';

const FIELDS = [
  'title',
  'kind',
  'categories',
  'region',
  'mode',
  'venue.name',
  'venue.address',
  'venue.tables',
  'days',
  'meetingMinutes',
  'breaks',
  'registrationDeadline',
  'capacity',
  'videoLinkPattern',
  'rooms',
  'description',
] as const;

/** /events/new — a new event (a draft until published). */
export function EventNewPage() {
  usePageTitle('events.newTitle');
  return <EventForm />;
}

/** /events/:eventId/edit — change a draft or a published event (the API says which fields may change). */
export function EventEditPage(props: RouteSectionProps) {
  usePageTitle('events.editTitle');
  const event = createAsync(() => getEvent(props.params.eventId ?? ''));
  return <Show when={event()}>{(e) => <EventForm event={e()} />}</Show>;
}

export default EventNewPage;

function EventForm(props: { event?: MatchEvent }) {
  const me = useMe();
  const catalogue = createAsync(() => getCatalogue());
  const navigate = useNavigate();
  const e = props.event;
  const [title, setTitle] = createSignal(e?.title ?? '');
  const [kind, setKind] = createSignal<EventKind>(e?.kind ?? 'goods');
  const [categories, setCategories] = createSignal<string[]>(e?.categories ?? []);
  const [region, setRegion] = createSignal<string | undefined>(e?.region);
  const [mode, setMode] = createSignal<EventMode>(e?.mode ?? 'venue');
  const [venueName, setVenueName] = createSignal(e?.venue?.name ?? '');
  const [venueAddress, setVenueAddress] = createSignal(e?.venue?.address ?? '');
  const [tables, setTables] = createSignal(String(e?.venue?.tables ?? 10));
  const [days, setDays] = createSignal<EventDay[]>(
    e?.days ?? [{ date: today(14), start: '09:00', end: '17:00' }],
  );
  const [meetingMinutes, setMeetingMinutes] = createSignal(String(e?.meetingMinutes ?? 20));
  const [breaks, setBreaks] = createSignal<EventBreak[]>(e?.breaks ?? [{ start: '12:00', end: '13:30' }]);
  const [deadline, setDeadline] = createSignal(e?.registrationDeadline ?? today(10));
  const [rooms, setRooms] = createSignal(String(e?.rooms ?? 10));
  const [capacity, setCapacity] = createSignal(String(e?.capacity ?? 50));
  const [videoLink, setVideoLink] = createSignal(e?.videoLinkPattern ?? '');
  const [description, setDescription] = createSignal(e?.description ?? '');
  const [pending, setPending] = createSignal(false);
  const errors = createFormErrors(FIELDS);

  // a new event starts from the organizer's own city
  createEffect(
    on(
      () => me()?.org.adcode,
      (adcode) => {
        if (adcode && !region()) setRegion(`${adcode.slice(0, 4)}00`);
      },
    ),
  );

  const hasVenue = () => mode() !== 'online';
  const hasVideo = () => mode() !== 'venue';
  const categoryOptions = () => {
    const c = catalogue();
    if (!c) return [];
    const goods = kind() !== 'labour' ? c.categories.map((x) => ({ id: x.id, name: x.name[lang()] })) : [];
    const labour =
      kind() !== 'goods' ? c.skills.map((x) => ({ id: `labour:${x.id}`, name: x.name[lang()] })) : [];
    return [...goods, ...labour];
  };
  const toggleCategory = (id: string, on: boolean) => {
    setCategories((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
    errors.clearField('categories');
  };
  const setDay = (i: number, patch: Partial<EventDay>) =>
    setDays((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const setBreak = (i: number, patch: Partial<EventBreak>) =>
    setBreaks((list) => list.map((b, j) => (j === i ? { ...b, ...patch } : b)));

  const body = (): EventInput => ({
    title: title().trim(),
    kind: kind(),
    categories: categories(),
    region: region() ?? '',
    mode: mode(),
    ...(hasVenue()
      ? { venue: { name: venueName().trim(), address: venueAddress().trim(), tables: Number(tables()) } }
      : {}),
    days: days(),
    meetingMinutes: Number(meetingMinutes()),
    breaks: breaks().filter((b) => b.start && b.end),
    registrationDeadline: deadline(),
    ...(mode() === 'online' ? { rooms: Number(rooms()) } : {}),
    capacity: Number(capacity()),
    ...(hasVideo() && videoLink().trim() ? { videoLinkPattern: videoLink().trim() } : {}),
    ...(description().trim() ? { description: description().trim() } : {}),
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    errors.clear();
    setPending(true);
    try {
      const saved = props.event ? await updateEvent(props.event.id, body()) : await createEvent(body());
      myEventsChanged();
      if (props.event) await revalidate(getEvent.keyFor(saved.id));
      navigate(`/events/${saved.id}`);
    } catch (error) {
      errors.showApiError(error);
      focusFirstError(errors, 'event-form-error');
    } finally {
      setPending(false);
    }
  };

  const text = (
    field: (typeof FIELDS)[number],
    label: string,
    value: () => string,
    set: (v: string) => void,
    type = 'text',
    extra: { hint?: string; optional?: boolean; min?: string } = {},
  ) => (
    <Field
      field={field}
      label={label}
      hint={extra.hint}
      optional={extra.optional}
      error={errors.forField(field)}
    >
      <input
        id={fieldId(field)}
        type={type}
        min={extra.min}
        value={value()}
        aria-invalid={errors.forField(field) ? 'true' : undefined}
        onInput={(ev) => {
          set(ev.currentTarget.value);
          errors.clearField(field);
        }}
      />
    </Field>
  );

  return (
    <>
      <header class="page-header">
        <div>
          <p class="eyebrow">
            <A href={props.event ? `/events/${props.event.id}` : '/events'}>{t('events.back')}</A>
          </p>
          <h1 class="page-title">{props.event ? t('events.editTitle') : t('events.newTitle')}</h1>
          <p class="page-lead">{t('events.formLead')}</p>
        </div>
      </header>
      <FormMessage
        id="event-form-error"
        message={errors.form()}
        extra={errors.unplaced().map((f) => `${f.field ? `${f.field}: ` : ''}${localized(f.messages)}`)}
      />
      <form class="form card event-form" novalidate onSubmit={submit} data-testid="event-form">
        <h2 class="card-title">{t('events.sectionWhat')}</h2>
        {text('title', t('events.eventTitle'), title, setTitle, 'text', { hint: t('events.titleHint') })}
        <Field field="kind" label={t('events.kind')} group error={errors.forField('kind')}>
          <div class="choice-grid">
            <For each={EVENT_KINDS}>
              {(value) => (
                <label class="choice">
                  <input
                    type="radio"
                    name="event-kind"
                    checked={kind() === value}
                    onChange={() => setKind(value)}
                    data-testid={`event-kind-${value}`}
                  />
                  <span class="choice-text">
                    <span class="choice-label">{t(`events.kinds.${value}`)}</span>
                  </span>
                </label>
              )}
            </For>
          </div>
        </Field>
        <Field field="categories" label={t('events.categories')} group error={errors.forField('categories')}>
          <div class="check-grid" id={fieldId('categories')}>
            <For each={categoryOptions()}>
              {(o) => (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={categories().includes(o.id)}
                    onChange={(ev) => toggleCategory(o.id, ev.currentTarget.checked)}
                    data-testid={`event-category-${o.id}`}
                  />
                  <span>{o.name}</span>
                </label>
              )}
            </For>
          </div>
        </Field>
        <Field
          field="region"
          label={t('events.region')}
          hint={t('events.regionHint')}
          group
          error={errors.forField('region')}
        >
          <RegionPicker
            id={fieldId('region')}
            label={t('events.region')}
            value={region()}
            invalid={Boolean(errors.forField('region'))}
            onChange={(adcode) => {
              setRegion(adcode);
              errors.clearField('region');
            }}
          />
        </Field>
        {text('description', t('events.description'), description, setDescription, 'text', {
          optional: true,
        })}

        <h2 class="card-title">{t('events.sectionWhere')}</h2>
        <Field field="mode" label={t('events.mode')} group error={errors.forField('mode')}>
          <div class="choice-grid">
            <For each={EVENT_MODES}>
              {(value) => (
                <label class="choice">
                  <input
                    type="radio"
                    name="event-mode"
                    checked={mode() === value}
                    onChange={() => setMode(value)}
                    data-testid={`event-mode-${value}`}
                  />
                  <span class="choice-text">
                    <span class="choice-label">{t(`events.modes.${value}`)}</span>
                  </span>
                </label>
              )}
            </For>
          </div>
        </Field>
        <Show when={hasVenue()}>
          <div class="form-section">
            {text('venue.name', t('events.venueName'), venueName, setVenueName)}
            {text('venue.address', t('events.venueAddress'), venueAddress, setVenueAddress)}
            {text('venue.tables', t('events.tables'), tables, setTables, 'number', {
              min: '1',
              hint: t('events.tablesHint'),
            })}
          </div>
        </Show>
        <Show when={hasVideo()}>
          {text('videoLinkPattern', t('events.videoLink'), videoLink, setVideoLink, 'url', {
            hint: t('events.videoLinkHint'),
          })}
          <Show when={mode() === 'online'}>
            {text('rooms', t('events.rooms'), rooms, setRooms, 'number', {
              min: '1',
              hint: t('events.roomsHint'),
            })}
          </Show>
        </Show>

        <h2 class="card-title">{t('events.sectionWhen')}</h2>
        <Field field="days" label={t('events.days')} group error={errors.forField('days')}>
          <div class="rows" id={fieldId('days')}>
            <For each={days()}>
              {(day, i) => (
                <div class="row-inputs" data-testid="event-day">
                  <label>
                    <span class="sr-only">{t('events.date')}</span>
                    <input
                      type="date"
                      value={day.date}
                      onInput={(ev) => setDay(i(), { date: ev.currentTarget.value })}
                      data-testid="event-day-date"
                    />
                  </label>
                  <label>
                    <span class="sr-only">{t('events.from')}</span>
                    <input
                      type="time"
                      value={day.start}
                      onInput={(ev) => setDay(i(), { start: ev.currentTarget.value })}
                      data-testid="event-day-start"
                    />
                  </label>
                  <span aria-hidden="true">–</span>
                  <label>
                    <span class="sr-only">{t('events.to')}</span>
                    <input
                      type="time"
                      value={day.end}
                      onInput={(ev) => setDay(i(), { end: ev.currentTarget.value })}
                      data-testid="event-day-end"
                    />
                  </label>
                  <Show when={days().length > 1}>
                    <button
                      type="button"
                      class="button button-ghost"
                      onClick={() => setDays((l) => l.filter((_, j) => j !== i()))}
                    >
                      {t('events.remove')}
                    </button>
                  </Show>
                </div>
              )}
            </For>
            <button
              type="button"
              class="button"
              onClick={() =>
                setDays((l) => [
                  ...l,
                  { ...(l[l.length - 1] ?? { date: today(14), start: '09:00', end: '17:00' }) },
                ])
              }
            >
              {t('events.addDay')}
            </button>
          </div>
        </Field>
        <div class="form-section">
          {text('meetingMinutes', t('events.meetingMinutes'), meetingMinutes, setMeetingMinutes, 'number', {
            min: '5',
          })}
          {text('capacity', t('events.capacity'), capacity, setCapacity, 'number', {
            min: '2',
            hint: t('events.capacityHint'),
          })}
        </div>
        <Field field="breaks" label={t('events.breaks')} optional group error={errors.forField('breaks')}>
          <div class="rows" id={fieldId('breaks')}>
            <For each={breaks()}>
              {(b, i) => (
                <div class="row-inputs" data-testid="event-break">
                  <label>
                    <span class="sr-only">{t('events.from')}</span>
                    <input
                      type="time"
                      value={b.start}
                      onInput={(ev) => setBreak(i(), { start: ev.currentTarget.value })}
                    />
                  </label>
                  <span aria-hidden="true">–</span>
                  <label>
                    <span class="sr-only">{t('events.to')}</span>
                    <input
                      type="time"
                      value={b.end}
                      onInput={(ev) => setBreak(i(), { end: ev.currentTarget.value })}
                    />
                  </label>
                  <button
                    type="button"
                    class="button button-ghost"
                    onClick={() => setBreaks((l) => l.filter((_, j) => j !== i()))}
                  >
                    {t('events.remove')}
                  </button>
                </div>
              )}
            </For>
            <button
              type="button"
              class="button"
              onClick={() => setBreaks((l) => [...l, { start: '15:00', end: '15:20' }])}
            >
              {t('events.addBreak')}
            </button>
          </div>
        </Field>
        {text('registrationDeadline', t('events.deadline'), deadline, setDeadline, 'date', {
          hint: t('events.deadlineHint'),
        })}
        <div class="form-actions">
          <button
            type="submit"
            class="button button-primary"
            disabled={pending()}
            aria-busy={pending()}
            data-testid="event-save"
          >
            {pending() ? t('common.saving') : props.event ? t('common.save') : t('events.saveDraft')}
          </button>
        </div>
      </form>
    </>
  );
}
