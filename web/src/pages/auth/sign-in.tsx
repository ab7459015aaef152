import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { signIn } from '../../api/auth.ts';
import { controlProps, Field, FormMessage } from '../../components/field.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { createFormErrors, focusFirstError } from '../../forms.ts';
import { localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { clearSignOutNotice, session, signOutNotice } from '../../session.ts';

/** Only same-site paths: `?next=//evil.example` must not take the user away. */
export function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export default function SignInPage() {
  usePageTitle('auth.signInTitle');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [pending, setPending] = createSignal(false);
  const errors = createFormErrors(['email', 'password']);

  onMount(() => {
    if (session()) navigate(safeNext(params.next), { replace: true });
  });

  const notice = () => {
    const n = signOutNotice();
    if (!n) return undefined;
    return 'key' in n ? t(n.key) : localized(n.messages);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    errors.clear();
    clearSignOutNotice();
    setPending(true);
    try {
      await signIn(email(), password());
      navigate(safeNext(params.next), { replace: true });
    } catch (error) {
      errors.showApiError(error);
      focusFirstError(errors, 'sign-in-error');
    } finally {
      setPending(false);
    }
  };

  const emailError = () => errors.forField('email');
  const passwordError = () => errors.forField('password');

  return (
    <PublicLayout>
      <section class="card auth-card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title" class="card-title">
          {t('auth.signInTitle')}
        </h1>
        <p class="lead">{t('auth.signInLead')}</p>
        <Show when={notice()}>
          <div class="alert alert-info" role="status" data-testid="sign-in-notice">
            {notice()}
          </div>
        </Show>
        <FormMessage id="sign-in-error" message={errors.form()} />
        <form class="form" novalidate onSubmit={submit}>
          <Field field="email" label={t('auth.email')} error={emailError()}>
            <input
              {...controlProps('email', emailError)}
              name="email"
              type="email"
              autocomplete="username"
              inputmode="email"
              required
              value={email()}
              onInput={(e) => {
                setEmail(e.currentTarget.value);
                errors.clearField('email');
              }}
            />
          </Field>
          <Field field="password" label={t('auth.password')} error={passwordError()}>
            <input
              {...controlProps('password', passwordError)}
              name="password"
              type="password"
              autocomplete="current-password"
              required
              value={password()}
              onInput={(e) => {
                setPassword(e.currentTarget.value);
                errors.clearField('password');
              }}
            />
          </Field>
          <button
            type="submit"
            class="button button-primary button-block"
            disabled={pending()}
            aria-busy={pending()}
          >
            {pending() ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
        <p class="auth-switch">
          {t('auth.noAccount')} <A href="/register">{t('auth.registerLink')}</A>
        </p>
      </section>
    </PublicLayout>
  );
}
