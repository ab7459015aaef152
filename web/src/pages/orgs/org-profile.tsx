import { createAsync, type RouteSectionProps, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { orgUpdateSchema } from '../../../../functions/contract/org.schema.ts';
import type { Org, OrgKind, PublicOrg } from '../../../../functions/contract/org.ts';
import { SELF_SERVICE_KINDS } from '../../../../functions/contract/org.ts';
import { type OrgUpdateRequest, updateOrg } from '../../api/orgs.ts';
import { getMe, useMe } from '../../components/app-shell.data.ts';
import { ContactFields, type ContactValue, contactBody } from '../../components/contact-fields.tsx';
import { controlProps, Field, FormMessage } from '../../components/field.tsx';
import { KindsField } from '../../components/kinds-field.tsx';
import { RegionName } from '../../components/region-name.tsx';
import { RegionPicker } from '../../components/region-picker.tsx';
import { createFormErrors, fieldId, focusFirstError } from '../../forms.ts';
import { inBothLanguages, langTag, localized, t } from '../../i18n/index.ts';
import { canManageOrg } from '../../nav.ts';
import { usePageTitle } from '../../page-title.ts';
import { checkWith } from '../../validation.ts';
import { getOrg } from './org-profile.data.ts';

/** An organisation's profile; its org admins (and platform admins) can edit it here. */
export default function OrgProfilePage(props: RouteSectionProps) {
  const me = useMe();
  const org = createAsync(() => getOrg(props.params.orgId ?? ''));
  const [editing, setEditing] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  usePageTitle(() => org()?.name ?? t('org.title'));
  const canEdit = () => {
    const current = me();
    const o = org();
    return Boolean(current && o && canManageOrg(current, o.id));
  };

  return (
    <Show when={org()}>
      {(o) => (
        <>
          <header class="page-header">
            <div>
              <p class="eyebrow">{t('org.title')}</p>
              <h1 class="page-title" data-testid="org-name">
                {o().name}
              </h1>
            </div>
            <Show when={canEdit() && !editing()}>
              <button
                type="button"
                class="button button-secondary"
                data-testid="org-edit"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </button>
            </Show>
          </header>
          <Show when={saved()}>
            <div class="alert alert-success" role="status">
              {t('org.saved')}
            </div>
          </Show>
          <Show when={editing() ? withContact(o()) : undefined} fallback={<OrgDetails org={o()} />}>
            {(full) => (
              <OrgEditor
                org={full()}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  setSaved(true);
                }}
              />
            )}
          </Show>
        </>
      )}
    </Show>
  );
}

/** The full profile (members and organizers get the contact too); only that can be edited. */
const withContact = (org: PublicOrg): Org | undefined =>
  org.contact ? { ...org, contact: org.contact } : undefined;

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(langTag(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function OrgDetails(props: { org: PublicOrg }) {
  return (
    <section class="card">
      <dl class="details">
        <div>
          <dt>{t('org.name')}</dt>
          <dd>{props.org.name}</dd>
        </div>
        <div>
          <dt>{t('org.creditCode')}</dt>
          <dd class="mono" data-testid="org-credit-code">
            {props.org.creditCode}
          </dd>
        </div>
        <div>
          <dt>{t('org.kinds')}</dt>
          <dd>
            <ul class="tags">
              <For each={props.org.kinds}>{(kind) => <li class="tag">{t(`kinds.${kind}`)}</li>}</For>
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('org.region')}</dt>
          <dd data-testid="org-region">
            <RegionName adcode={props.org.adcode} />
          </dd>
        </div>
        <Show
          when={props.org.contact}
          fallback={
            <div>
              <dt>{t('org.contact')}</dt>
              <dd class="muted">{t('org.contactHidden')}</dd>
            </div>
          }
        >
          {(contact) => (
            <>
              <div>
                <dt>{t('org.contactName')}</dt>
                <dd>{contact().name}</dd>
              </div>
              <div>
                <dt>{t('org.contactPhone')}</dt>
                <dd>
                  <a href={`tel:${contact().phone}`}>{contact().phone}</a>
                </dd>
              </div>
              <div>
                <dt>{t('org.contactEmail')}</dt>
                <dd>{contact().email ?? t('common.none')}</dd>
              </div>
            </>
          )}
        </Show>
        <div>
          <dt>{t('org.createdAt')}</dt>
          <dd>{formatDate(props.org.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('org.updatedAt')}</dt>
          <dd>{formatDate(props.org.updatedAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

const EDIT_FIELDS = ['name', 'kinds', 'adcode', 'contact.name', 'contact.phone', 'contact.email'] as const;

interface EditForm {
  name: string;
  kinds: OrgKind[];
  adcode: string | undefined;
  contact: ContactValue;
}

function OrgEditor(props: { org: Org; onCancel: () => void; onSaved: () => void }) {
  const locked = props.org.kinds.filter((k) => !SELF_SERVICE_KINDS.includes(k));
  const [form, setForm] = createStore<EditForm>({
    name: props.org.name,
    kinds: props.org.kinds.filter((k) => SELF_SERVICE_KINDS.includes(k)),
    adcode: props.org.adcode,
    contact: {
      name: props.org.contact.name,
      phone: props.org.contact.phone,
      email: props.org.contact.email ?? '',
    },
  });
  const [pending, setPending] = createSignal(false);
  const errors = createFormErrors(EDIT_FIELDS);
  const err = (field: (typeof EDIT_FIELDS)[number]) => () => errors.forField(field);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    const patch: OrgUpdateRequest = {
      name: form.name,
      kinds: [...locked, ...form.kinds],
      adcode: form.adcode ?? '',
      contact: contactBody(form.contact),
    };
    const problems = checkWith(orgUpdateSchema, { ...patch, adcode: form.adcode });
    if (problems.length > 0) {
      errors.show(inBothLanguages('errors.formHasErrors'), problems);
      focusFirstError(errors, 'org-edit-error');
      return;
    }
    errors.clear();
    setPending(true);
    try {
      await updateOrg(props.org.id, patch);
      await revalidate([getOrg.key, getMe.key]);
      props.onSaved();
    } catch (error) {
      errors.showApiError(error);
      focusFirstError(errors, 'org-edit-error');
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="card" aria-labelledby="org-edit-title">
      <h2 id="org-edit-title" class="card-title">
        {t('org.editTitle')}
      </h2>
      <FormMessage
        id="org-edit-error"
        message={errors.form()}
        extra={errors.unplaced().map((f) => `${f.field ? `${f.field}: ` : ''}${localized(f.messages)}`)}
      />
      <form class="form form-sections" novalidate onSubmit={submit}>
        <fieldset class="form-section">
          <legend class="section-title">{t('register.orgSection')}</legend>
          <Field field="name" label={t('org.name')} error={err('name')()}>
            <input
              {...controlProps('name', err('name'))}
              autocomplete="organization"
              maxlength="100"
              value={form.name}
              onInput={(e) => {
                setForm('name', e.currentTarget.value);
                errors.clearField('name');
              }}
            />
          </Field>
          <Field field="creditCode" label={t('org.creditCode')} hint={t('org.creditCodeFixed')}>
            <input
              {...controlProps('creditCode', () => undefined, true)}
              class="mono"
              value={props.org.creditCode}
              readonly
            />
          </Field>
          <KindsField
            field="kinds"
            options={SELF_SERVICE_KINDS}
            locked={locked}
            value={form.kinds}
            error={err('kinds')()}
            onChange={(kinds) => {
              setForm('kinds', kinds);
              errors.clearField('kinds');
            }}
          />
          <Field field="adcode" label={t('org.region')} error={err('adcode')()} group>
            <RegionPicker
              id={fieldId('adcode')}
              label={t('org.region')}
              value={form.adcode}
              invalid={Boolean(err('adcode')())}
              onChange={(adcode) => {
                setForm('adcode', adcode);
                errors.clearField('adcode');
              }}
            />
          </Field>
        </fieldset>
        <fieldset class="form-section">
          <legend class="section-title">{t('register.contactSection')}</legend>
          <ContactFields
            prefix="contact"
            value={form.contact}
            errors={errors}
            onChange={(key, value) => setForm('contact', key, value)}
          />
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={pending()} aria-busy={pending()}>
            {pending() ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" class="button button-ghost" onClick={() => props.onCancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
