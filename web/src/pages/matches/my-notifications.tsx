import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  getNotifications,
  getPreferences,
  getUnread,
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATION_KINDS,
  type NotificationPreferences,
  savePreferences,
  type UserNotification,
} from '../../api/notifications.ts';
import { formatDate } from '../../components/match-format.ts';
import { createFormErrors, fieldId } from '../../forms.ts';
import { localized, t } from '../../i18n/index.ts';

/**
 * The signed-in user's own notifications (what the stream told them: proposals, answers, expiries,
 * registrations, moved meetings), unread ones marked, read one by one or all at once; and what they
 * also receive by e-mail and SMS.
 */
export function MyNotifications() {
  const page = createAsync(() => getNotifications(undefined));
  const [busy, setBusy] = createSignal(false);
  const refresh = () => Promise.all([revalidate(getNotifications.key), revalidate(getUnread.key)]);
  const read = async (n: UserNotification) => {
    setBusy(true);
    try {
      await markNotificationRead(n.id);
      await refresh();
    } finally {
      setBusy(false);
    }
  };
  const readAll = async () => {
    setBusy(true);
    try {
      await markAllNotificationsRead();
      await refresh();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      class="card my-notifications"
      aria-labelledby="my-notifications-title"
      data-testid="my-notifications"
    >
      <div class="section-header">
        <h2 id="my-notifications-title">{t('notifications.title')}</h2>
        <Show when={(page()?.unread ?? 0) > 0}>
          <button
            type="button"
            class="button"
            disabled={busy()}
            onClick={readAll}
            data-testid="notifications-read-all"
          >
            {t('notifications.markAllRead')}
          </button>
        </Show>
      </div>
      <Show when={page()}>
        {(p) => (
          <Show when={p().items.length > 0} fallback={<p class="muted">{t('notifications.empty')}</p>}>
            <ul class="notification-list">
              <For each={p().items}>
                {(n) => (
                  <li
                    class="notification-item"
                    classList={{ 'is-unread': !n.readAt }}
                    data-testid="notification"
                    data-kind={n.kind}
                    data-unread={n.readAt ? 'false' : 'true'}
                  >
                    <p class="notification-subject">
                      <Show when={!n.readAt}>
                        <span class="badge badge-blue">{t('inbox.new')}</span>{' '}
                      </Show>
                      <A href={n.link} data-testid="notification-link">
                        {localized(n.subject)}
                      </A>
                    </p>
                    <p class="notification-body">{localized(n.body)}</p>
                    <p class="inbox-links">
                      <time datetime={n.at} class="muted">
                        {formatDate(n.at, true)}
                      </time>
                      <Show when={!n.readAt}>
                        <button
                          type="button"
                          class="button button-small"
                          disabled={busy()}
                          onClick={() => read(n)}
                          data-testid="notification-read"
                        >
                          {t('notifications.markRead')}
                        </button>
                      </Show>
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <NotificationSettings />
    </section>
  );
}

const FIELDS = ['mobile', 'lang', 'kinds', 'version'] as const;

/** Which kinds also go by e-mail and SMS, the mobile number and the language of sends. */
function NotificationSettings() {
  const stored = createAsync(() => getPreferences());
  const errors = createFormErrors(FIELDS);
  const [draft, setDraft] = createSignal<NotificationPreferences>();
  const [saved, setSaved] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const current = () => draft() ?? stored();
  const change = (update: (p: NotificationPreferences) => NotificationPreferences) => {
    const base = current();
    if (!base) return;
    setSaved(false);
    setDraft(update(structuredClone(base)));
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const prefs = current();
    if (!prefs) return;
    errors.clear();
    setPending(true);
    try {
      const result = await savePreferences({
        kinds: prefs.kinds,
        lang: prefs.lang,
        version: prefs.version,
        ...(prefs.mobile ? { mobile: prefs.mobile } : {}),
      });
      setDraft(result);
      setSaved(true);
      await revalidate(getPreferences.key);
    } catch (error) {
      errors.showApiError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <details class="notification-settings" data-testid="notification-settings">
      <summary>{t('notifications.settings')}</summary>
      <Show when={current()}>
        {(prefs) => (
          <form onSubmit={submit} novalidate>
            <p class="muted">{t('notifications.settingsLead')}</p>
            <div class="table-scroll" tabindex="0">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('notifications.kind')}</th>
                    <th scope="col">{t('notifications.inApp')}</th>
                    <th scope="col">{t('notifications.email')}</th>
                    <th scope="col">{t('notifications.sms')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={NOTIFICATION_KINDS}>
                    {(kind) => (
                      <tr data-kind={kind}>
                        <th scope="row">{t(`notifications.kinds.${kind}`)}</th>
                        <td>{t('notifications.always')}</td>
                        <For each={['email', 'sms'] as const}>
                          {(channel) => (
                            <td>
                              <input
                                type="checkbox"
                                data-testid={`pref-${kind}-${channel}`}
                                aria-label={`${t(`notifications.kinds.${kind}`)} · ${t(`notifications.${channel}`)}`}
                                checked={prefs().kinds[kind][channel]}
                                onChange={(e) =>
                                  change((p) => {
                                    p.kinds[kind][channel] = e.currentTarget.checked;
                                    return p;
                                  })
                                }
                              />
                            </td>
                          )}
                        </For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <div class="field">
              <label for={fieldId('mobile')}>{t('notifications.mobile')}</label>
              <input
                id={fieldId('mobile')}
                inputmode="numeric"
                autocomplete="tel"
                value={prefs().mobile ?? ''}
                aria-invalid={errors.forField('mobile') ? 'true' : undefined}
                aria-describedby={errors.forField('mobile') ? 'mobile-error' : undefined}
                onInput={(e) => {
                  errors.clearField('mobile');
                  const value = e.currentTarget.value.trim();
                  change((p) => {
                    if (value) p.mobile = value;
                    else delete p.mobile;
                    return p;
                  });
                }}
              />
              <Show when={errors.forField('mobile')}>
                {(message) => (
                  <p class="field-error" id="mobile-error" role="alert" data-testid="mobile-error">
                    {message()}
                  </p>
                )}
              </Show>
            </div>
            <div class="field">
              <label for={fieldId('lang')}>{t('notifications.lang')}</label>
              <select
                id={fieldId('lang')}
                value={prefs().lang}
                onChange={(e) =>
                  change((p) => {
                    p.lang = e.currentTarget.value === 'en' ? 'en' : 'zh';
                    return p;
                  })
                }
              >
                <option value="zh">中文</option>
                <option value="en">English</option>
              </select>
            </div>
            <Show when={errors.form()}>
              {(message) => (
                <p class="alert alert-error" role="alert">
                  {message()}
                </p>
              )}
            </Show>
            <button type="submit" class="button button-primary" disabled={pending()} data-testid="prefs-save">
              {t('notifications.save')}
            </button>
            <Show when={saved()}>
              <p class="alert alert-success" role="status" data-testid="prefs-saved">
                {t('notifications.saved')}
              </p>
            </Show>
          </form>
        )}
      </Show>
    </details>
  );
}
