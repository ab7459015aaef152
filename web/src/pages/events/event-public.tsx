import { A, createAsync, type RouteSectionProps } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { getPublicEvent } from '../../api/events.ts';
import { LoadError, Loading } from '../../components/load-error.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { session } from '../../session.ts';
import { EventFacts } from './event-facts.tsx';
import { eventWhere, formatDays } from './event-format.ts';

/**
 * /event/:eventId — a published event's public page, for anyone: what, when, where, who organizes
 * and how to take part. No firm's contacts.
 */
export default function EventPublicPage(props: RouteSectionProps) {
  const event = createAsync(() => getPublicEvent(props.params.eventId ?? ''));
  usePageTitle(() => event()?.title ?? t('events.title'));
  return (
    <PublicLayout wide>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={event()}>
            {(e) => (
              <article class="public-event" data-testid="public-event">
                <header class="page-header">
                  <div>
                    <p class="eyebrow">{t('events.publicEyebrow')}</p>
                    <h1 class="page-title" data-testid="event-title">
                      {e().title}
                    </h1>
                    <p class="page-lead">
                      {formatDays(e().days)} · {eventWhere(e())}
                    </p>
                  </div>
                </header>
                <Show when={e().description}>
                  <p class="card">{e().description}</p>
                </Show>
                <EventFacts event={e()} />
                <section class="card" data-testid="how-to-take-part">
                  <h2 class="card-title">{t('events.howToTitle')}</h2>
                  <ol class="steps">
                    <li>{t('events.howTo1')}</li>
                    <li>{t('events.howTo2')}</li>
                    <li>{t('events.howTo3')}</li>
                    <li>{t('events.howTo4')}</li>
                  </ol>
                  <div class="form-actions">
                    <Show
                      when={session()}
                      fallback={
                        <>
                          <A
                            href={`/sign-in?next=${encodeURIComponent(`/events/${e().id}`)}`}
                            class="button button-primary"
                            data-testid="public-sign-in"
                          >
                            {t('events.signInToTakePart')}
                          </A>
                          <A href="/register" class="button">
                            {t('events.registerFirm')}
                          </A>
                        </>
                      }
                    >
                      <A
                        href={`/events/${e().id}`}
                        class="button button-primary"
                        data-testid="public-take-part"
                      >
                        {t('events.takePart')}
                      </A>
                    </Show>
                  </div>
                </section>
              </article>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </PublicLayout>
  );
}
