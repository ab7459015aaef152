import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { passwordResetSchema } from '../../../../functions/contract/admin.schema.ts';
import type { PublicOrg } from '../../../../functions/contract/org.ts';
import { PLATFORM_ROLES, type PlatformRole } from '../../../../functions/contract/principal.ts';
import type { User } from '../../../../functions/contract/user.ts';
import {
  adminFindUser,
  adminResetPassword,
  adminSetDisabled,
  adminSetRoles,
  adminVerifyOrg,
} from '../../api/admin.ts';
import { ApiError } from '../../api/client.ts';
import { fetchOrg } from '../../api/orgs.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { controlProps, Field, FormMessage } from '../../components/field.tsx';
import { createFormErrors, focusFirstError } from '../../forms.ts';
import { inBothLanguages, type Localized, localized, type TranslationKey, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { checkWith } from '../../validation.ts';
import { AdminOnly } from './admin-only.tsx';

/**
 * 账号管理: the platform admin finds an account by email (kept in the address, so it can be
 * shared and reloaded) and changes its platform roles, its status and its password, and verifies
 * its organisation. Each change is the API's, audited there; its refusals are shown per field.
 */
export default function AdminUsersPage() {
  usePageTitle('admin.usersTitle');
  return (
    <AdminOnly>
      <AdminUsers />
    </AdminOnly>
  );
}

function AdminUsers() {
  const [params, setParams] = useSearchParams();
  const email = () => (typeof params.email === 'string' ? params.email : '');
  const [typed, setTyped] = createSignal(email());
  const errors = createFormErrors(['email']);
  const [found, { mutate }] = createResource(email, async (value) => {
    errors.clear();
    try {
      return await adminFindUser(value);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        errors.show(null, [{ field: 'email', messages: inBothLanguages('admin.notFound') }]);
      } else {
        errors.showApiError(error);
      }
      focusFirstError(errors, 'admin-find-error');
      return undefined;
    }
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const value = typed().trim();
    if (!value) {
      errors.show(null, [{ field: 'email', messages: inBothLanguages('admin.notFound') }]);
      return;
    }
    if (value === email()) {
      // the same address again: read it again (someone may have changed the account meanwhile)
      setParams({ email: undefined }, { replace: true });
      queueMicrotask(() => setParams({ email: value }, { replace: true }));
    } else {
      setParams({ email: value });
    }
  };

  return (
    <>
      <header class="page-header">
        <div>
          <p class="eyebrow">{t('admin.eyebrow')}</p>
          <h1 class="page-title">{t('admin.usersTitle')}</h1>
          <p class="page-lead">{t('admin.usersLead')}</p>
        </div>
      </header>
      <div class="admin-cards">
        <section class="card">
          <FormMessage id="admin-find-error" message={errors.form()} />
          <form class="form form-inline" novalidate onSubmit={submit} data-testid="admin-find">
            <Field field="email" label={t('admin.findEmail')} error={errors.forField('email')}>
              <input
                {...controlProps('email', () => errors.forField('email'))}
                type="email"
                inputmode="email"
                autocomplete="off"
                maxlength="254"
                value={typed()}
                onInput={(e) => {
                  setTyped(e.currentTarget.value);
                  errors.clearField('email');
                }}
              />
            </Field>
            <div class="form-actions">
              <button
                type="submit"
                class="button button-primary"
                disabled={found.loading}
                aria-busy={found.loading}
                data-testid="admin-find-submit"
              >
                {found.loading ? t('admin.finding') : t('admin.find')}
              </button>
            </div>
          </form>
        </section>
        {/* one panel per account (its own state), kept while that account's record changes */}
        <Show when={found()?.id} keyed>
          {(_id: string) => <UserPanel user={found()!} onChanged={(next) => mutate(next)} />}
        </Show>
      </div>
    </>
  );
}

/** What happened to the last change: a confirmation, or the API's refusal (not about one field). */
type Outcome = { ok: TranslationKey } | { refused: Localized } | undefined;

function UserPanel(props: { user: User; onChanged: (user: User) => void }) {
  const me = useMe();
  const self = () => me()?.user.id === props.user.id;
  const [org, { mutate: setOrg }] = createResource(
    () => props.user.orgId,
    (orgId) => fetchOrg(orgId),
  );
  const [busy, setBusy] = createSignal<'roles' | 'status' | 'verify' | 'password'>();
  const [outcome, setOutcome] = createSignal<Outcome>();
  const [roles, setRoles] = createSignal<PlatformRole[]>([...props.user.platformRoles]);

  async function act<T>(
    what: 'roles' | 'status' | 'verify',
    run: () => Promise<T>,
    ok: TranslationKey,
    then: (r: T) => void,
  ) {
    if (busy()) return;
    setBusy(what);
    setOutcome(undefined);
    try {
      then(await run());
      setOutcome({ ok });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setOutcome({ refused: error.fields[0]?.messages ?? error.messages });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      <section class="card admin-user" aria-labelledby="admin-user-title" data-testid="admin-user">
        <h2 class="card-title" id="admin-user-title">
          {props.user.name}
        </h2>
        <Show when={outcome()}>
          {(o) => {
            const current = o();
            return 'ok' in current ? (
              <p class="alert alert-success" role="status" data-testid="admin-outcome">
                {t(current.ok)}
              </p>
            ) : (
              <p class="alert alert-error" role="alert" data-testid="admin-outcome">
                {localized(current.refused)}
              </p>
            );
          }}
        </Show>
        <dl class="details">
          <div>
            <dt>{t('auth.email')}</dt>
            <dd data-testid="admin-user-email">{props.user.email}</dd>
          </div>
          <div>
            <dt>{t('admin.orgLabel')}</dt>
            <dd>
              <Show when={org()} fallback={t('common.loading')}>
                {(o: () => PublicOrg) => (
                  <>
                    <A href={`/orgs/${o().id}`}>{o().name}</A>{' '}
                    <span
                      class={`badge ${o().verified ? 'badge-green' : 'badge-amber'}`}
                      data-testid="admin-org-verified"
                    >
                      {o().verified ? t('admin.orgVerified') : t('admin.orgUnverified')}
                    </span>{' '}
                    <span class="muted">{t(`roles.${props.user.orgRole}`)}</span>
                    <Show when={!o().verified}>
                      <button
                        type="button"
                        class="button button-small"
                        disabled={Boolean(busy())}
                        aria-busy={busy() === 'verify'}
                        data-testid="admin-verify"
                        onClick={() =>
                          act(
                            'verify',
                            () => adminVerifyOrg(o().id),
                            'admin.verifiedDone',
                            (next) => setOrg({ ...o(), ...next }),
                          )
                        }
                      >
                        {t('admin.verify')}
                      </button>
                    </Show>
                  </>
                )}
              </Show>
            </dd>
          </div>
          <div>
            <dt>{t('admin.status')}</dt>
            <dd>
              <span
                class={`badge ${props.user.disabled ? 'badge-red' : 'badge-green'}`}
                data-testid="admin-user-status"
              >
                {props.user.disabled ? t('admin.disabled') : t('admin.active')}
              </span>{' '}
              <button
                type="button"
                class="button button-small"
                disabled={Boolean(busy()) || self()}
                aria-busy={busy() === 'status'}
                data-testid="admin-toggle-status"
                onClick={() => {
                  const disabled = !props.user.disabled;
                  act(
                    'status',
                    () => adminSetDisabled(props.user.id, disabled),
                    disabled ? 'admin.disabledDone' : 'admin.enabledDone',
                    props.onChanged,
                  );
                }}
              >
                {props.user.disabled ? t('admin.enable') : t('admin.disable')}
              </button>
            </dd>
          </div>
        </dl>
      </section>

      <section class="card">
        <form
          class="form admin-roles"
          novalidate
          data-testid="admin-roles"
          onSubmit={(event) => {
            event.preventDefault();
            act(
              'roles',
              () => adminSetRoles(props.user.id, roles()),
              'admin.rolesSaved',
              (next) => {
                setRoles([...next.platformRoles]);
                props.onChanged(next);
              },
            );
          }}
        >
          <fieldset class="field field-group">
            <legend class="card-title">{t('admin.rolesTitle')}</legend>
            <p class="hint" id="admin-roles-hint">
              {t('admin.rolesHint')}
            </p>
            <div class="check-list">
              <For each={PLATFORM_ROLES}>
                {(role) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      value={role}
                      checked={roles().includes(role)}
                      aria-describedby="admin-roles-hint"
                      data-testid={`admin-role-${role}`}
                      onChange={(e) =>
                        setRoles(
                          PLATFORM_ROLES.filter((r) =>
                            r === role ? e.currentTarget.checked : roles().includes(r),
                          ),
                        )
                      }
                    />
                    <span>{t(`roles.${role}`)}</span>
                  </label>
                )}
              </For>
            </div>
            <Show when={self()}>
              <p class="hint">{t('admin.selfAdmin')}</p>
            </Show>
          </fieldset>
          <div class="form-actions">
            <button
              type="submit"
              class="button"
              disabled={Boolean(busy())}
              aria-busy={busy() === 'roles'}
              data-testid="admin-roles-save"
            >
              {t('admin.rolesSave')}
            </button>
          </div>
        </form>
      </section>

      <PasswordReset userId={props.user.id} />
    </>
  );
}

function PasswordReset(props: { userId: string }) {
  const fields = ['password', 'confirmPassword'] as const;
  const errors = createFormErrors(fields);
  const [password, setPassword] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const [pending, setPending] = createSignal(false);
  const [done, setDone] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    setDone(false);
    const problems = checkWith(passwordResetSchema, { password: password() });
    if (password() !== confirm()) {
      problems.push({ field: 'confirmPassword', messages: inBothLanguages('errors.passwordMismatch') });
    }
    if (problems.length > 0) {
      errors.show(inBothLanguages('errors.formHasErrors'), problems);
      focusFirstError(errors, 'admin-password-error');
      return;
    }
    errors.clear();
    setPending(true);
    try {
      await adminResetPassword(props.userId, password());
      setPassword('');
      setConfirm('');
      setDone(true);
    } catch (error) {
      errors.showApiError(error);
      focusFirstError(errors, 'admin-password-error');
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="card" aria-labelledby="admin-password-title">
      <form class="form admin-password" novalidate onSubmit={submit} data-testid="admin-password">
        <h2 class="card-title" id="admin-password-title">
          {t('admin.passwordTitle')}
        </h2>
        <p class="hint">{t('admin.passwordHint')}</p>
        <FormMessage id="admin-password-error" message={errors.form()} />
        <Show when={done()}>
          <p class="alert alert-success" role="status" data-testid="admin-password-done">
            {t('admin.passwordReset')}
          </p>
        </Show>
        <Field
          field="password"
          label={t('admin.newPassword')}
          hint={t('register.passwordHint')}
          error={errors.forField('password')}
        >
          <input
            {...controlProps('password', () => errors.forField('password'), true)}
            type="password"
            autocomplete="new-password"
            maxlength="200"
            value={password()}
            onInput={(e) => {
              setPassword(e.currentTarget.value);
              errors.clearField('password');
            }}
          />
        </Field>
        <Field
          field="confirmPassword"
          label={t('admin.confirmPassword')}
          error={errors.forField('confirmPassword')}
        >
          <input
            {...controlProps('confirmPassword', () => errors.forField('confirmPassword'))}
            type="password"
            autocomplete="new-password"
            maxlength="200"
            value={confirm()}
            onInput={(e) => {
              setConfirm(e.currentTarget.value);
              errors.clearField('confirmPassword');
            }}
          />
        </Field>
        <div class="form-actions">
          <button
            type="submit"
            class="button"
            disabled={pending()}
            aria-busy={pending()}
            data-testid="admin-password-submit"
          >
            {t('admin.resetPassword')}
          </button>
        </div>
      </form>
    </section>
  );
}
