import { type JSX, Show } from 'solid-js';
import { useMe } from '../../components/app-shell.data.ts';
import { t } from '../../i18n/index.ts';
import { isAdmin } from '../../nav.ts';

/**
 * The platform admin's pages: shown to admins (the API's own rule, from the contract); anyone else
 * who opens the address reads that the page is not for them (the API would refuse them anyway).
 */
export function AdminOnly(props: { children: JSX.Element }) {
  const me = useMe();
  return (
    <Show when={me()}>
      {(m) => (
        <Show
          when={isAdmin(m())}
          fallback={
            <section class="card empty-state" data-testid="admin-forbidden">
              <h1 class="card-title">{t('nav.platform')}</h1>
              <p>{t('admin.onlyAdmins')}</p>
            </section>
          }
        >
          {props.children}
        </Show>
      )}
    </Show>
  );
}
