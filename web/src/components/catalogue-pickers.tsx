import { For, Show } from 'solid-js';
import type { Catalogue, CatalogueSkill } from '../api/catalogue.ts';
import { fieldId } from '../forms.ts';
import { lang, t } from '../i18n/index.ts';
import { controlProps, Field, hintId } from './field.tsx';

/**
 * Pickers over the product catalogue: category → spec (showing its unit and standard), a skill
 * (grouped by sector, with the certificates it needs) and certificates (checkboxes). Native
 * selects and checkboxes: keyboards, screen readers and phones handle them well.
 */

export function SpecPicker(props: {
  catalogue: Catalogue;
  category: string;
  specId: string;
  /** Error for the spec (the API's `specId`). */
  error: string | undefined;
  onCategory: (category: string) => void;
  onSpec: (specId: string) => void;
}) {
  const specs = () => (props.category ? props.catalogue.specsOf(props.category) : []);
  const spec = () => props.catalogue.specById.get(props.specId);
  const specError = () => props.error;
  return (
    <>
      <Field field="category" label={t('listing.field.category')} hint={t('listing.hint.spec')}>
        <select
          {...controlProps('category', () => undefined, true)}
          value={props.category}
          onChange={(e) => props.onCategory(e.currentTarget.value)}
        >
          <option value="">{t('listing.chooseCategory')}</option>
          <For each={props.catalogue.categories}>
            {(category) => (
              <option value={category.id} selected={category.id === props.category}>
                {category.name[lang()]}
              </option>
            )}
          </For>
        </select>
      </Field>
      <Field field="specId" label={t('listing.field.specId')} error={specError()}>
        <select
          {...controlProps('specId', specError, true)}
          value={props.specId}
          disabled={!props.category}
          onChange={(e) => props.onSpec(e.currentTarget.value)}
        >
          <option value="">{t('listing.chooseSpec')}</option>
          <For each={specs()}>
            {(s) => (
              <option value={s.id} selected={s.id === props.specId}>
                {s.name[lang()]}
              </option>
            )}
          </For>
        </select>
        <Show when={spec()}>
          {(s) => (
            <p class="hint spec-details" id={hintId('specId')} data-testid="spec-details">
              {t('listing.specDetails', {
                unit: props.catalogue.unitSymbol(s().unit),
                standard: s().standard ?? t('listing.noStandard'),
                step: s().step,
              })}
            </p>
          )}
        </Show>
      </Field>
    </>
  );
}

const SECTORS = ['manufacturing', 'construction', 'logistics', 'services'] as const;

export function SkillPicker(props: {
  catalogue: Catalogue;
  skillId: string;
  error: string | undefined;
  onSkill: (skill: CatalogueSkill | undefined) => void;
}) {
  const skill = () => props.catalogue.skillById.get(props.skillId);
  const error = () => props.error;
  const requires = () => {
    const s = skill();
    if (!s) return undefined;
    return s.requires.length > 0
      ? t('listing.hint.skillRequires', {
          list: s.requires.map((c) => props.catalogue.certificateName(c)).join('、'),
        })
      : t('listing.hint.noCertificates');
  };
  return (
    <Field field="skillId" label={t('listing.field.skillId')} error={error()} hint={requires()}>
      <select
        {...controlProps('skillId', error, true)}
        value={props.skillId}
        onChange={(e) => props.onSkill(props.catalogue.skillById.get(e.currentTarget.value))}
      >
        <option value="">{t('listing.chooseSkill')}</option>
        <For each={SECTORS}>
          {(sector) => (
            <Show when={props.catalogue.skills.some((s) => s.sector === sector)}>
              <optgroup label={t(`listing.sector.${sector}`)}>
                <For each={props.catalogue.skills.filter((s) => s.sector === sector)}>
                  {(s) => (
                    <option value={s.id} selected={s.id === props.skillId}>
                      {s.name[lang()]}
                    </option>
                  )}
                </For>
              </optgroup>
            </Show>
          )}
        </For>
      </select>
    </Field>
  );
}

export function CertificatePicker(props: {
  catalogue: Catalogue;
  field: 'certificates' | 'certificatesRequired';
  label: string;
  hint: string;
  value: readonly string[];
  error: string | undefined;
  onChange: (ids: string[]) => void;
}) {
  const toggle = (id: string, on: boolean) => {
    const next = props.catalogue.certificates
      .map((c) => c.id)
      .filter((c) => (c === id ? on : props.value.includes(c)));
    props.onChange(next);
  };
  return (
    <Field field={props.field} label={props.label} hint={props.hint} error={props.error} group optional>
      <div class="choice-grid certificate-grid" id={fieldId(props.field)} tabindex="-1">
        <For each={props.catalogue.certificates}>
          {(certificate) => (
            <label class="choice">
              <input
                type="checkbox"
                name={props.field}
                value={certificate.id}
                checked={props.value.includes(certificate.id)}
                aria-invalid={props.error ? 'true' : undefined}
                onChange={(e) => toggle(certificate.id, e.currentTarget.checked)}
              />
              <span class="choice-text">
                <span class="choice-label">{certificate.name[lang()]}</span>
              </span>
            </label>
          )}
        </For>
      </div>
    </Field>
  );
}
