import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { adminCreateOrgSchema } from '../../../../functions/contract/admin.schema.ts';
import { ORG_KINDS, type Org, type OrgKind } from '../../../../functions/contract/org.ts';
import type { User } from '../../../../functions/contract/user.ts';
import { type AdminCreateOrgRequest, adminCreateOrg } from '../../api/admin.ts';
import { ContactFields, type ContactValue, contactBody } from '../../components/contact-fields.tsx';
import { controlProps, Field, FormMessage } from '../../components/field.tsx';
import { KindsField } from '../../components/kinds-field.tsx';
import { RegionPicker } from '../../components/region-picker.tsx';
import { createFormErrors, type FieldMessage, fieldId, focusFirstError } from '../../forms.ts';
import { inBothLanguages, localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { checkWith } from '../../validation.ts';
import { AdminOnly } from './admin-only.tsx';

/** Form fields in page order, named by their API paths. */
const FIELDS = [
  'org.name',
  'org.creditCode',
  'org.kinds',
  'org.adcode',
  'jurisdiction',
  'org.contact.name',
  'org.contact.phone',
  'org.contact.email',
  'admin.name',
  'admin.email',
  'admin.password',
  'admin.confirmPassword',
  'verified',
] as const;
type FieldName = (typeof FIELDS)[number];

interface NewOrgForm {
  org: {
    name: string;
    creditCode: string;
    kinds: OrgKind[];
    adcode: string | undefined;
    contact: ContactValue;
  };
  jurisdiction: string | undefined;
  admin: { name: string; email: string; password: string; confirmPassword: string };
  verified: boolean;
}

const blank = (): NewOrgForm => ({
  org: {
    name: '',
    creditCode: '',
    kinds: [],
    adcode: undefined,
    contact: { name: '', phone: '', email: '' },
  },
  jurisdiction: undefined,
  admin: { name: '', email: '', password: '', confirmPassword: '' },
  verified: true,
});

/** 新建单位: the platform admin opens an account for a department (with its jurisdiction) or a firm. */
export default function AdminOrgNewPage() {
  usePageTitle('admin.newOrgTitle');
  return (
    <AdminOnly>
      <NewOrgForm />
    </AdminOnly>
  );
}

function NewOrgForm() {
  const [form, setForm] = createStore<NewOrgForm>(blank());
  const [pending, setPending] = createSignal(false);
  const [created, setCreated] = createSignal<{ org: Org; user: User }>();
  const errors = createFormErrors(FIELDS);
  const organizer = () => form.org.kinds.includes('organizer');

  const request = (): AdminCreateOrgRequest => ({
    org: {
      name: form.org.name,
      creditCode: form.org.creditCode,
      kinds: [...form.org.kinds],
      adcode: form.org.adcode ?? '',
      contact: contactBody(form.org.contact),
    },
    ...(organizer() && form.jurisdiction ? { jurisdiction: form.jurisdiction } : {}),
    admin: { name: form.admin.name, email: form.admin.email, password: form.admin.password },
    verified: form.verified,
  });

  /** The API's checks, run here first (its schema), and the password confirmation. */
  const clientCheck = (body: AdminCreateOrgRequest): FieldMessage[] => {
    const found = checkWith(adminCreateOrgSchema, { ...body, org: { ...body.org, adcode: form.org.adcode } });
    if (form.admin.password !== form.admin.confirmPassword) {
      found.push({ field: 'admin.confirmPassword', messages: inBothLanguages('errors.passwordMismatch') });
    }
    return found;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    setCreated(undefined);
    const body = request();
    const problems = clientCheck(body);
    if (problems.length > 0) {
      errors.show(inBothLanguages('errors.formHasErrors'), problems);
      focusFirstError(errors, 'admin-org-error');
      return;
    }
    errors.clear();
    setPending(true);
    try {
      setCreated(await adminCreateOrg(body));
      setForm(blank());
      queueMicrotask(() => document.getElementById('admin-org-created')?.focus());
    } catch (error) {
      errors.showApiError(error);
      focusFirstError(errors, 'admin-org-error');
    } finally {
      setPending(false);
    }
  };

  const err = (field: FieldName) => () => errors.forField(field);
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
      else setForm('admin', key as keyof NewOrgForm['admin'], value);
      errors.clearField(field);
    };

  return (
    <>
      <header class="page-header">
        <div>
          <p class="eyebrow">{t('admin.eyebrow')}</p>
          <h1 class="page-title">{t('admin.newOrgTitle')}</h1>
          <p class="page-lead">{t('admin.newOrgLead', { kind: t('kinds.organizer') })}</p>
        </div>
      </header>
      <Show when={created()}>
        {(c) => (
          <div
            class="alert alert-success"
            id="admin-org-created"
            role="status"
            tabindex="-1"
            data-testid="admin-org-created"
          >
            <p>{t('admin.created', { org: c().org.name, email: c().user.email })}</p>
            <A href={`/orgs/${c().org.id}`}>{t('admin.openOrg')}</A>
          </div>
        )}
      </Show>
      <section class="card admin-cards">
        <FormMessage
          id="admin-org-error"
          message={errors.form()}
          extra={errors.unplaced().map((f) => `${f.field ? `${f.field}: ` : ''}${localized(f.messages)}`)}
        />
        <form class="form form-sections" novalidate onSubmit={submit} data-testid="admin-org-form">
          <fieldset class="form-section">
            <legend class="section-title">{t('admin.orgSection')}</legend>
            <Field field="org.name" label={t('register.orgName')} error={err('org.name')()}>
              <input
                {...controlProps('org.name', err('org.name'))}
                autocomplete="off"
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
              options={ORG_KINDS}
              value={form.org.kinds}
              error={err('org.kinds')()}
              onChange={(kinds) => {
                setForm('org', 'kinds', kinds);
                errors.clearField('org.kinds');
                errors.clearField('jurisdiction');
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
            <Show when={organizer()}>
              <Field
                field="jurisdiction"
                label={t('admin.jurisdiction')}
                hint={t('admin.jurisdictionHint')}
                error={err('jurisdiction')()}
                group
              >
                <RegionPicker
                  id={fieldId('jurisdiction')}
                  label={t('admin.jurisdiction')}
                  value={form.jurisdiction}
                  invalid={Boolean(err('jurisdiction')())}
                  describedBy={err('jurisdiction')() ? `${fieldId('jurisdiction')}-error` : undefined}
                  onChange={(adcode) => {
                    setForm('jurisdiction', adcode);
                    errors.clearField('jurisdiction');
                  }}
                />
              </Field>
            </Show>
            <div class="field">
              <label class="check">
                <input
                  id={fieldId('verified')}
                  type="checkbox"
                  checked={form.verified}
                  onChange={(e) => setForm('verified', e.currentTarget.checked)}
                />
                <span>{t('admin.verified')}</span>
              </label>
            </div>
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
            <legend class="section-title">{t('admin.adminSection')}</legend>
            <p class="hint section-hint">{t('admin.adminHint')}</p>
            <Field field="admin.name" label={t('register.adminName')} error={err('admin.name')()}>
              <input
                {...controlProps('admin.name', err('admin.name'))}
                autocomplete="off"
                maxlength="50"
                value={form.admin.name}
                onInput={text('admin.name')}
              />
            </Field>
            <Field field="admin.email" label={t('register.adminEmail')} error={err('admin.email')()}>
              <input
                {...controlProps('admin.email', err('admin.email'))}
                type="email"
                autocomplete="off"
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
            <button
              type="submit"
              class="button button-primary"
              disabled={pending()}
              aria-busy={pending()}
              data-testid="admin-org-submit"
            >
              {pending() ? t('admin.creating') : t('admin.create')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
