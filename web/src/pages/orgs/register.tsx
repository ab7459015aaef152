import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, onMount } from 'solid-js';
import { createStore } from 'solid-js/store';
import { registrationSchema } from '../../../../functions/contract/org.schema.ts';
import { type OrgKind, SELF_SERVICE_KINDS } from '../../../../functions/contract/org.ts';
import { type RegistrationRequest, registerOrg } from '../../api/orgs.ts';
import { ContactFields, type ContactValue, contactBody } from '../../components/contact-fields.tsx';
import { controlProps, Field, FormMessage } from '../../components/field.tsx';
import { KindsField } from '../../components/kinds-field.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { RegionPicker } from '../../components/region-picker.tsx';
import { createFormErrors, type FieldMessage, fieldId, focusFirstError } from '../../forms.ts';
import { inBothLanguages, localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { session } from '../../session.ts';
import { checkWith } from '../../validation.ts';

/** Form fields in page order, named by their API paths (the confirmation is the browser's own). */
const FIELDS = [
  'inviteCode',
  'org.name',
  'org.creditCode',
  'org.kinds',
  'org.adcode',
  'org.contact.name',
  'org.contact.phone',
  'org.contact.email',
  'admin.name',
  'admin.email',
  'admin.password',
  'admin.confirmPassword',
] as const;

interface RegistrationForm {
  org: {
    name: string;
    creditCode: string;
    kinds: OrgKind[];
    adcode: string | undefined;
    contact: ContactValue;
  };
  admin: { name: string; email: string; password: string; confirmPassword: string };
  /** The invitation code of a firm an organizer listed (from the link's `?invite=`, or typed). */
  inviteCode: string;
}

export default function RegisterPage() {
  usePageTitle('register.title');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const linkCode = typeof params.invite === 'string' ? params.invite.slice(0, 20) : '';
  const [form, setForm] = createStore<RegistrationForm>({
    org: {
      name: '',
      creditCode: '',
      kinds: [],
      adcode: undefined,
      contact: { name: '', phone: '', email: '' },
    },
    admin: { name: '', email: '', password: '', confirmPassword: '' },
    inviteCode: linkCode,
  });
  const [pending, setPending] = createSignal(false);
  const errors = createFormErrors(FIELDS);

  onMount(() => {
    if (session()) navigate('/', { replace: true });
  });

  const request = (): RegistrationRequest => ({
    org: {
      name: form.org.name,
      creditCode: form.org.creditCode,
      kinds: [...form.org.kinds],
      adcode: form.org.adcode ?? '',
      contact: contactBody(form.org.contact),
    },
    admin: { name: form.admin.name, email: form.admin.email, password: form.admin.password },
    ...(form.inviteCode.trim() ? { inviteCode: form.inviteCode.trim() } : {}),
  });

  /** The server's checks, run here first; plus the password confirmation. */
  const clientCheck = (body: RegistrationRequest): FieldMessage[] => {
    const candidate = { ...body, org: { ...body.org, adcode: form.org.adcode } };
    const found = checkWith(registrationSchema, candidate);
    if (form.admin.password !== form.admin.confirmPassword) {
      found.push({ field: 'admin.confirmPassword', messages: inBothLanguages('errors.passwordMismatch') });
    }
    return found;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    const body = request();
    const problems = clientCheck(body);
    if (problems.length > 0) {
      errors.show(inBothLanguages('errors.formHasErrors'), problems);
      focusFirstError(errors, 'register-error');
      return;
    }
    errors.clear();
    setPending(true);
    try {
      await registerOrg(body);
      navigate('/', { replace: true });
    } catch (error) {
      errors.showApiError(error);
      focusFirstError(errors, 'register-error');
    } finally {
      setPending(false);
    }
  };

  const err = (field: (typeof FIELDS)[number]) => () => errors.forField(field);
  const text =
    (
      field:
        | 'org.name'
        | 'org.creditCode'
        | 'admin.name'
        | 'admin.email'
        | 'admin.password'
        | 'admin.confirmPassword',
    ) =>
    (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      const [group, key] = field.split('.') as ['org' | 'admin', string];
      if (group === 'org') setForm('org', key as 'name' | 'creditCode', value);
      else setForm('admin', key as keyof RegistrationForm['admin'], value);
      errors.clearField(field);
    };

  return (
    <PublicLayout wide>
      <section class="card register-card" aria-labelledby="register-title">
        <h1 id="register-title" class="card-title">
          {t('register.title')}
        </h1>
        <p class="lead">{t('register.lead')}</p>
        <FormMessage
          id="register-error"
          message={errors.form()}
          extra={errors.unplaced().map((f) => `${f.field ? `${f.field}: ` : ''}${localized(f.messages)}`)}
        />
        <form class="form form-sections" novalidate onSubmit={submit}>
          <fieldset class="form-section" data-testid="register-invite">
            <legend class="section-title">{t('register.inviteSection')}</legend>
            <p class="hint section-hint">
              {linkCode ? t('register.inviteFromLink') : t('register.inviteHint')}
            </p>
            <Field field="inviteCode" label={t('register.inviteCode')} optional error={err('inviteCode')()}>
              <input
                {...controlProps('inviteCode', err('inviteCode'))}
                class="mono"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck={false}
                maxlength="20"
                value={form.inviteCode}
                onInput={(e) => {
                  setForm('inviteCode', e.currentTarget.value);
                  errors.clearField('inviteCode');
                }}
              />
            </Field>
          </fieldset>
          <fieldset class="form-section">
            <legend class="section-title">{t('register.orgSection')}</legend>
            <Field field="org.name" label={t('register.orgName')} error={err('org.name')()}>
              <input
                {...controlProps('org.name', err('org.name'))}
                autocomplete="organization"
                maxlength="100"
                value={form.org.name}
                onInput={text('org.name')}
              />
            </Field>
            <Field
              field="org.creditCode"
              label={t('register.creditCode')}
              hint={t('register.creditCodeHint')}
              error={err('org.creditCode')()}
            >
              <input
                {...controlProps('org.creditCode', err('org.creditCode'), true)}
                class="mono"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck={false}
                maxlength="40"
                value={form.org.creditCode}
                onInput={text('org.creditCode')}
              />
            </Field>
            <KindsField
              field="org.kinds"
              options={SELF_SERVICE_KINDS}
              value={form.org.kinds}
              error={err('org.kinds')()}
              onChange={(kinds) => {
                setForm('org', 'kinds', kinds);
                errors.clearField('org.kinds');
              }}
            />
            <Field field="org.adcode" label={t('register.region')} error={err('org.adcode')()} group>
              <RegionPicker
                id={fieldId('org.adcode')}
                label={t('register.region')}
                value={form.org.adcode}
                invalid={Boolean(err('org.adcode')())}
                describedBy={err('org.adcode')() ? `${fieldId('org.adcode')}-error` : undefined}
                onChange={(adcode) => {
                  setForm('org', 'adcode', adcode);
                  errors.clearField('org.adcode');
                }}
              />
            </Field>
          </fieldset>

          <fieldset class="form-section">
            <legend class="section-title">{t('register.contactSection')}</legend>
            <ContactFields
              prefix="org.contact"
              value={form.org.contact}
              errors={errors}
              onChange={(key, value) => setForm('org', 'contact', key, value)}
            />
          </fieldset>

          <fieldset class="form-section">
            <legend class="section-title">{t('register.adminSection')}</legend>
            <p class="hint section-hint">{t('register.adminHint')}</p>
            <Field field="admin.name" label={t('register.adminName')} error={err('admin.name')()}>
              <input
                {...controlProps('admin.name', err('admin.name'))}
                autocomplete="name"
                maxlength="50"
                value={form.admin.name}
                onInput={text('admin.name')}
              />
            </Field>
            <Field field="admin.email" label={t('register.adminEmail')} error={err('admin.email')()}>
              <input
                {...controlProps('admin.email', err('admin.email'))}
                type="email"
                autocomplete="email"
                inputmode="email"
                maxlength="254"
                value={form.admin.email}
                onInput={text('admin.email')}
              />
            </Field>
            <Field
              field="admin.password"
              label={t('register.password')}
              hint={t('register.passwordHint')}
              error={err('admin.password')()}
            >
              <input
                {...controlProps('admin.password', err('admin.password'), true)}
                type="password"
                autocomplete="new-password"
                maxlength="200"
                value={form.admin.password}
                onInput={text('admin.password')}
              />
            </Field>
            <Field
              field="admin.confirmPassword"
              label={t('register.confirmPassword')}
              error={err('admin.confirmPassword')()}
            >
              <input
                {...controlProps('admin.confirmPassword', err('admin.confirmPassword'))}
                type="password"
                autocomplete="new-password"
                maxlength="200"
                value={form.admin.confirmPassword}
                onInput={text('admin.confirmPassword')}
              />
            </Field>
          </fieldset>

          <div class="form-actions">
            <button type="submit" class="button button-primary" disabled={pending()} aria-busy={pending()}>
              {pending() ? t('register.submitting') : t('register.submit')}
            </button>
            <p class="auth-switch">
              {t('register.haveAccount')} <A href="/sign-in">{t('register.signInLink')}</A>
            </p>
          </div>
        </form>
      </section>
    </PublicLayout>
  );
}
