import { revalidate } from '@solidjs/router';
import { ApiError } from '../api/client.ts';
import { localized, t } from '../i18n/index.ts';

/** What a page shows when its data could not be loaded: the server's message and a retry. */
export function LoadError(props: { error: unknown; reset: () => void }) {
  const message = () => (props.error instanceof ApiError ? localized(props.error.messages) : undefined);
  return (
    <div class="card load-error" role="alert">
      <h1 class="card-title">{t('errors.loadFailed')}</h1>
      <p>{message() ?? t('errors.loadFailed')}</p>
      <button
        type="button"
        class="button"
        onClick={async () => {
          await revalidate();
          props.reset();
        }}
      >
        {t('common.retry')}
      </button>
    </div>
  );
}

export function Loading() {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}
