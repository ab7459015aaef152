import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { ApiError } from '../../api/client.ts';
import { type CheckInLookupView, type CheckInResult, checkIn, lookUpCheckIn } from '../../api/live.ts';
import { PublicLayout } from '../../components/public-layout.tsx';
import { localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { session } from '../../session.ts';
import { hallTime } from './hall-time.ts';

/**
 * /live/checkin/:token — what the QR code on a participant's agenda or table card opens. An
 * organizer of the event (signed in on the phone that scanned it) sees whose code it is and checks
 * it in with one tap; anyone else is told what the code is for and that only the event's organizers
 * can check in (the API refuses them too). Nothing about the participant is shown to them.
 */

type Lookup = { ok: CheckInLookupView } | { refused: ApiError };

export default function LiveCheckInPage() {
  usePageTitle('liveCheckIn.title');
  const params = useParams<{ token: string }>();
  const signedIn = () => Boolean(session());
  const [lookup, { mutate }] = createResource(
    () => (signedIn() ? params.token : undefined),
    async (token): Promise<Lookup> => {
      try {
        return { ok: await lookUpCheckIn(token) };
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        return { refused: e };
      }
    },
  );
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<ApiError>();
  const [done, setDone] = createSignal<CheckInResult>();

  const tap = async (found: CheckInLookupView) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await checkIn(found.eventId, { token: params.token });
      setDone(r);
      mutate({ ok: { ...found, checkedInAt: r.checkedInAt } });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const next = () => `/sign-in?next=${encodeURIComponent(`/live/checkin/${params.token}`)}`;
  return (
    <PublicLayout>
      <section class="card live-checkin-page" data-testid="live-checkin-page" aria-labelledby="checkin-title">
        <h1 id="checkin-title" class="page-title">
          {t('liveCheckIn.title')}
        </h1>
        <p class="muted">{t('liveCheckIn.what')}</p>
        <Switch>
          <Match when={!signedIn()}>
            <p data-testid="live-checkin-organizers-only">{t('liveCheckIn.organizersOnly')}</p>
            <A href={next()} class="button button-primary" data-testid="live-checkin-sign-in">
              {t('liveCheckIn.signIn')}
            </A>
          </Match>
          <Match when={lookup.loading}>
            <p class="muted">{t('common.loading')}</p>
          </Match>
          <Match when={lookup()}>
            {(l) => (
              <Show
                when={'ok' in l() ? (l() as { ok: CheckInLookupView }).ok : undefined}
                fallback={<Refused error={(l() as { refused: ApiError }).refused} />}
              >
                {(found) => (
                  <div data-testid="live-checkin-found" data-org-id={found().orgId}>
                    <p class="muted">{found().eventTitle}</p>
                    <p class="live-checkin-org" data-testid="live-checkin-org">
                      {found().orgName}
                    </p>
                    <Show
                      when={found().checkedInAt}
                      fallback={
                        <button
                          type="button"
                          class="button button-primary button-block live-checkin-button"
                          disabled={busy()}
                          aria-busy={busy()}
                          data-testid="live-checkin-tap"
                          onClick={() => void tap(found())}
                        >
                          {busy() ? t('matches.working') : t('liveCheckIn.checkIn')}
                        </button>
                      }
                    >
                      {(at) => (
                        <div class="alert alert-success" role="status" data-testid="live-checkin-done">
                          {done()?.already === false
                            ? t('liveCheckIn.done', { time: hallTime(at()) })
                            : t('liveCheckIn.already', { time: hallTime(at()) })}
                        </div>
                      )}
                    </Show>
                    <Show when={error()}>
                      {(e) => (
                        <div class="alert alert-error" role="alert">
                          {localized(e().messages)}
                        </div>
                      )}
                    </Show>
                    <p>
                      <A href={`/events/${found().eventId}/live`} data-testid="live-checkin-console">
                        {t('liveCheckIn.toConsole')}
                      </A>
                    </p>
                  </div>
                )}
              </Show>
            )}
          </Match>
        </Switch>
      </section>
    </PublicLayout>
  );
}

function Refused(props: { error: ApiError }) {
  return (
    <div data-testid="live-checkin-refused" data-status={props.error.status}>
      <p data-testid="live-checkin-organizers-only">
        {props.error.status === 404 ? t('liveCheckIn.unknown') : t('liveCheckIn.organizersOnly')}
      </p>
      <A href="/" class="button">
        {t('liveCheckIn.home')}
      </A>
    </div>
  );
}
