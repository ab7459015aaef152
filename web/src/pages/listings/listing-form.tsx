import { createSignal, For, type JSX, Match, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import { INPUT_SCHEMA_BY_KIND } from '../../../../functions/contract/listing.schema.ts';
import { isClearable, isGoodsKind, kindInfo } from '../../../../functions/contract/listing-kinds.ts';
import { bothLanguages } from '../../../../functions/contract/messages.ts';
import { plausibilityIssues, todayInChina } from '../../../../functions/contract/plausibility.ts';
import type { Me } from '../../api/auth.ts';
import type { Catalogue, CatalogueSkill } from '../../api/catalogue.ts';
import { newIdempotencyKey } from '../../api/imports.ts';
import {
  type Listing,
  type ListingKind,
  type ListingView,
  patchListing,
  postListing,
} from '../../api/listings.ts';
import { CertificatePicker, SkillPicker, SpecPicker } from '../../components/catalogue-pickers.tsx';
import { controlProps, errorId, Field, FormMessage } from '../../components/field.tsx';
import { fieldLabel } from '../../components/listing-format.ts';
import { RegionPicker } from '../../components/region-picker.tsx';
import { createFormErrors, type FieldMessage, fieldId } from '../../forms.ts';
import { fieldMessage, inBothLanguages, localized, type TranslationKey, t } from '../../i18n/index.ts';
import { checkWith, withoutBlanks } from '../../validation.ts';

/**
 * The form for every kind of listing, to post one or to edit one. It checks with the server's own
 * schema first (INPUT_SCHEMA_BY_KIND), then shows the API's field errors next to the fields.
 * Creating sends one Idempotency-Key per submission, so a double click or a retry posts once.
 */

type NumberField =
  | 'quantity'
  | 'stockOnHand'
  | 'dailyCapacity'
  | 'deliveryRadiusKm'
  | 'unitPrice'
  | 'minOrder'
  | 'ceilingPrice'
  | 'headcount'
  | 'commuteRadiusKm'
  | 'dailyWage'
  | 'minOverlapDays';
type TextField =
  | 'specId'
  | 'availableFrom'
  | 'availableUntil'
  | 'projectName'
  | 'deliverFrom'
  | 'neededBy'
  | 'skillId'
  | 'from'
  | 'until'
  | 'address'
  | 'note';
type BoolField =
  | 'keyProject'
  | 'acceptsSubstitutes'
  | 'needsHousing'
  | 'needsTransport'
  | 'housingProvided'
  | 'transportProvided';

interface FormValues extends Record<NumberField | TextField, string>, Record<BoolField, boolean> {
  category: string;
  certificates: string[];
  adcode: string | undefined;
  contact: { name: string; phone: string };
}

interface KindShape {
  numbers: NumberField[];
  texts: TextField[];
  bools: BoolField[];
  certificates?: 'certificates' | 'certificatesRequired';
  /** Fields in page order (for focusing the first error). */
  order: string[];
}

const PLACE = ['adcode', 'address', 'contact.name', 'contact.phone', 'note'];

const SHAPES: Record<ListingKind, KindShape> = {
  supply: {
    numbers: ['quantity', 'stockOnHand', 'dailyCapacity', 'minOrder', 'deliveryRadiusKm', 'unitPrice'],
    texts: ['specId', 'availableFrom', 'availableUntil', 'address', 'note'],
    bools: [],
    order: [
      'specId',
      'quantity',
      'stockOnHand',
      'dailyCapacity',
      'minOrder',
      'availableFrom',
      'availableUntil',
      'deliveryRadiusKm',
      'unitPrice',
      ...PLACE,
    ],
  },
  demand: {
    numbers: ['quantity', 'ceilingPrice'],
    texts: ['projectName', 'specId', 'deliverFrom', 'neededBy', 'address', 'note'],
    bools: ['keyProject', 'acceptsSubstitutes'],
    order: [
      'projectName',
      'keyProject',
      'specId',
      'acceptsSubstitutes',
      'quantity',
      'deliverFrom',
      'neededBy',
      'ceilingPrice',
      ...PLACE,
    ],
  },
  labour_offer: {
    numbers: ['headcount', 'commuteRadiusKm', 'dailyWage'],
    texts: ['skillId', 'from', 'until', 'address', 'note'],
    bools: ['needsHousing', 'needsTransport'],
    certificates: 'certificates',
    order: [
      'skillId',
      'headcount',
      'from',
      'until',
      'commuteRadiusKm',
      'certificates',
      'dailyWage',
      'needsHousing',
      'needsTransport',
      ...PLACE,
    ],
  },
  labour_request: {
    numbers: ['headcount', 'dailyWage', 'minOverlapDays'],
    texts: ['skillId', 'from', 'until', 'address', 'note'],
    bools: ['housingProvided', 'transportProvided'],
    certificates: 'certificatesRequired',
    order: [
      'skillId',
      'headcount',
      'from',
      'until',
      'minOverlapDays',
      'certificatesRequired',
      'dailyWage',
      'housingProvided',
      'transportProvided',
      ...PLACE,
    ],
  },
};

/** What people type for a number: `3,000`, `1 200`, `3000.5`; blank is no value. */
function parseNumber(text: string): number | undefined | 'invalid' {
  const cleaned = text.replace(/[,，\s]/g, '');
  if (cleaned === '') return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : 'invalid';
}

function initialValues(kind: ListingKind, me: Me, catalogue: Catalogue, listing?: ListingView): FormValues {
  const l = (listing ?? {}) as Record<string, unknown>;
  const str = (key: string, fallback = '') =>
    l[key] === undefined || l[key] === null ? fallback : String(l[key]);
  const bool = (key: string) => l[key] === true;
  const specId = str('specId');
  const certs = (l.certificates ?? l.certificatesRequired ?? []) as string[];
  const today = new Date();
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const start = listing ? '' : iso;
  return {
    category: catalogue.specById.get(specId)?.category ?? '',
    specId,
    quantity: str('quantity'),
    stockOnHand: str('stockOnHand'),
    dailyCapacity: str('dailyCapacity'),
    deliveryRadiusKm: str('deliveryRadiusKm'),
    availableFrom: str('availableFrom', start),
    availableUntil: str('availableUntil'),
    unitPrice: str('unitPrice'),
    minOrder: str('minOrder'),
    projectName: str('projectName'),
    keyProject: bool('keyProject'),
    deliverFrom: str('deliverFrom', start),
    neededBy: str('neededBy'),
    ceilingPrice: str('ceilingPrice'),
    acceptsSubstitutes: bool('acceptsSubstitutes'),
    skillId: str('skillId'),
    headcount: str('headcount'),
    from: str('from', start),
    until: str('until'),
    commuteRadiusKm: str('commuteRadiusKm', listing ? '' : kind === 'labour_offer' ? '50' : ''),
    certificates: [...certs],
    dailyWage: str('dailyWage'),
    needsHousing: bool('needsHousing'),
    needsTransport: bool('needsTransport'),
    housingProvided: bool('housingProvided'),
    transportProvided: bool('transportProvided'),
    minOverlapDays: str('minOverlapDays'),
    adcode: listing ? listing.adcode : me.org.adcode,
    address: str('address'),
    note: str('note'),
    contact: {
      name: listing?.contact?.name ?? (listing ? '' : me.org.contact.name),
      phone: listing?.contact?.phone ?? (listing ? '' : me.org.contact.phone),
    },
  };
}

/** The request body from the form, and the numbers that could not be read. */
function bodyOf(
  kind: ListingKind,
  values: FormValues,
): { body: Record<string, unknown>; bad: FieldMessage[] } {
  const shape = SHAPES[kind];
  const body: Record<string, unknown> = { kind };
  const bad: FieldMessage[] = [];
  for (const field of shape.texts) body[field] = values[field];
  for (const field of shape.numbers) {
    const parsed = parseNumber(values[field]);
    if (parsed === 'invalid') bad.push({ field, messages: inBothLanguages('listing.notANumber') });
    else body[field] = parsed;
  }
  for (const field of shape.bools) body[field] = values[field];
  if (shape.certificates) body[shape.certificates] = [...values.certificates];
  body.adcode = values.adcode;
  body.contact = { name: values.contact.name, phone: values.contact.phone };
  return { body: withoutBlanks(body) as Record<string, unknown>, bad };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface ListingFormProps {
  kind: ListingKind;
  catalogue: Catalogue;
  me: Me;
  /** The listing to edit; without it the form posts a new one. */
  listing?: ListingView;
  onDone: (listing: Listing, outcome: 'posted' | 'draft' | 'saved') => void;
  onCancel?: () => void;
}

export function ListingForm(props: ListingFormProps) {
  const kind = props.kind;
  const shape = SHAPES[kind];
  const editing = Boolean(props.listing);
  const [values, setValues] = createStore<FormValues>(
    initialValues(kind, props.me, props.catalogue, props.listing),
  );
  const [pending, setPending] = createSignal<'open' | 'draft' | 'save' | null>(null);
  const errors = createFormErrors([...shape.order, 'category']);
  const err = (field: string) => () => errors.forField(field);
  let attempt: { key: string; body: string } | undefined;

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues(field, value as never);
    errors.clearField(String(field));
  };
  const text =
    (field: NumberField | TextField) => (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      set(field, e.currentTarget.value);

  const spec = () => props.catalogue.specById.get(values.specId);
  const unit = () => (isGoodsKind(kind) ? props.catalogue.unitSymbol(spec()?.unit) : t('listing.people'));

  /** Client checks: unreadable numbers, then the server's schema on the rest. */
  function check(body: Record<string, unknown>, bad: FieldMessage[]): FieldMessage[] {
    const badFields = new Set(bad.map((b) => b.field));
    const found = checkWith(INPUT_SCHEMA_BY_KIND[kind], body).filter((f) => !badFields.has(f.field));
    const seen = new Set([...badFields, ...found.map((f) => f.field)]);
    // the plausibility rules the API and the import run (functions/contract/plausibility.ts)
    const s = spec();
    const [startField, endField] = kindInfo(kind).dates;
    const original = props.listing as unknown as Record<string, unknown> | undefined;
    const windowMoved =
      !original || !same(body[startField], original[startField]) || !same(body[endField], original[endField]);
    const plausible = plausibilityIssues({ ...body, kind } as Parameters<typeof plausibilityIssues>[0], {
      ...(s ? { spec: { unit: s.unit, step: s.step } } : {}),
      today: todayInChina(new Date()),
      checkWindowEnd: windowMoved,
    })
      .filter((issue) => !seen.has(issue.field))
      .map((issue) => ({ field: issue.field, messages: bothLanguages(issue.key, issue.params) }));
    return [...bad, ...found, ...plausible];
  }

  /**
   * Editing: what changed. An emptied optional field is sent as `null`, which clears it (the API's
   * table of kinds: isClearable); an emptied required one is refused as the API would.
   */
  function patchOf(body: Record<string, unknown>): {
    patch: Record<string, unknown>;
    cleared: FieldMessage[];
  } {
    const original = props.listing as unknown as Record<string, unknown>;
    const patch: Record<string, unknown> = {};
    const cleared: FieldMessage[] = [];
    const fields = [
      ...shape.texts,
      ...shape.numbers,
      ...shape.bools,
      ...(shape.certificates ? [shape.certificates] : []),
      'adcode',
    ];
    for (const field of fields) {
      if (body[field] === undefined) {
        if (original[field] === undefined || original[field] === '') continue;
        if (isClearable(kind, field)) patch[field] = null;
        else cleared.push({ field, messages: bothLanguages('field.required') });
        continue;
      }
      if (!same(body[field], original[field])) patch[field] = body[field];
    }
    const contact = original.contact as { name?: string; phone?: string } | undefined;
    const next = body.contact as { name: string; phone: string };
    if (!contact || contact.name !== next.name || contact.phone !== next.phone) patch.contact = next;
    return { patch, cleared };
  }

  /** Focus on the first field with an error (the category when the spec's list is still closed). */
  const focusFirst = () =>
    queueMicrotask(() => {
      const first = errors.firstInvalid();
      let target = document.getElementById(first ? fieldId(first) : 'listing-form-error');
      if (target instanceof HTMLSelectElement && target.disabled)
        target = document.getElementById(fieldId('category'));
      (target ?? document.getElementById('listing-form-error'))?.focus();
    });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    const submitter = event.submitter as HTMLButtonElement | null;
    const intent: 'open' | 'draft' | 'save' = editing
      ? 'save'
      : submitter?.value === 'draft'
        ? 'draft'
        : 'open';
    const { body, bad } = bodyOf(kind, values);
    const problems = check(body, bad);
    const { patch, cleared } = editing ? patchOf(body) : { patch: {}, cleared: [] };
    problems.push(...cleared);
    if (problems.length > 0) {
      errors.show(inBothLanguages('errors.formHasErrors'), problems);
      focusFirst();
      return;
    }
    errors.clear();
    setPending(intent);
    let done: { listing: Listing; outcome: 'posted' | 'draft' | 'saved' } | undefined;
    try {
      if (editing && props.listing) {
        const saved =
          Object.keys(patch).length > 0
            ? await patchListing(props.listing.id, patch)
            : (props.listing as Listing);
        done = { listing: saved, outcome: 'saved' };
      } else {
        const request = { ...body, status: intent === 'draft' ? 'draft' : 'open' };
        const json = JSON.stringify(request);
        // the same body again (a retry after a lost answer) keeps its key; a changed one gets a new key
        if (!attempt || attempt.body !== json) attempt = { key: newIdempotencyKey(), body: json };
        const posted = await postListing(request, attempt.key);
        done = { listing: posted, outcome: intent === 'draft' ? 'draft' : 'posted' };
      }
    } catch (error) {
      errors.showApiError(error);
      focusFirst();
    }
    setPending(null);
    // after the form's own state settles: the page usually navigates away from here
    if (done) props.onDone(done.listing, done.outcome);
  };

  const numberInput = (
    field: NumberField,
    label: string,
    options: { hint?: string; optional?: boolean; suffix?: () => string; integer?: boolean } = {},
  ) => (
    <Field field={field} label={label} hint={options.hint} error={err(field)()} optional={options.optional}>
      <div class="input-suffix">
        <input
          {...controlProps(field, err(field), Boolean(options.hint))}
          inputmode={options.integer ? 'numeric' : 'decimal'}
          autocomplete="off"
          maxlength="20"
          value={values[field]}
          onInput={text(field)}
        />
        <Show when={options.suffix?.()}>
          <span class="suffix" aria-hidden="true">
            {options.suffix?.()}
          </span>
        </Show>
      </div>
    </Field>
  );

  const dateInput = (field: TextField, label: string) => (
    <Field field={field} label={label} error={err(field)()}>
      <input {...controlProps(field, err(field))} type="date" value={values[field]} onInput={text(field)} />
    </Field>
  );

  const checkbox = (field: BoolField, label: string, hint?: string) => (
    <div class="field field-check" classList={{ invalid: Boolean(err(field)()) }}>
      <label class="choice">
        <input
          id={fieldId(field)}
          type="checkbox"
          checked={values[field]}
          aria-describedby={err(field)() ? errorId(field) : undefined}
          onChange={(e) => set(field, e.currentTarget.checked)}
        />
        <span class="choice-text">
          <span class="choice-label">{label}</span>
          <Show when={hint}>
            <span class="choice-hint">{hint}</span>
          </Show>
        </span>
      </label>
      <Show when={err(field)()}>
        <p class="field-error" id={errorId(field)} data-field={field}>
          {fieldMessage(label, err(field)() ?? '')}
        </p>
      </Show>
    </div>
  );

  const section = (title: TranslationKey, children: JSX.Element, hint?: string) => (
    <fieldset class="form-section">
      <legend class="section-title">{t(title)}</legend>
      <Show when={hint}>
        <p class="hint section-hint">{hint}</p>
      </Show>
      {children}
    </fieldset>
  );

  const specPicker = () => (
    <SpecPicker
      catalogue={props.catalogue}
      category={values.category}
      specId={values.specId}
      error={err('specId')()}
      onCategory={(category) => {
        setValues({ category, specId: '' });
        errors.clearField('specId');
      }}
      onSpec={(specId) => {
        set('specId', specId);
        const chosen = props.catalogue.specById.get(specId);
        if (kind === 'supply' && chosen && values.deliveryRadiusKm === '')
          setValues('deliveryRadiusKm', String(chosen.deliveryRadiusKm));
      }}
    />
  );

  const skillPicker = () => (
    <SkillPicker
      catalogue={props.catalogue}
      skillId={values.skillId}
      error={err('skillId')()}
      onSkill={(skill: CatalogueSkill | undefined) => {
        set('skillId', skill?.id ?? '');
        // a skill that needs certificates: tick them (the user may untick)
        if (skill && skill.requires.length > 0) {
          setValues('certificates', [...new Set([...values.certificates, ...skill.requires])]);
        }
      }}
    />
  );

  const placeAndContact = () => (
    <>
      {section(
        'listing.sectionPlace',
        <>
          <Field
            field="adcode"
            label={t('listing.field.adcode')}
            hint={t('listing.hint.region')}
            error={err('adcode')()}
            group
          >
            <RegionPicker
              id={fieldId('adcode')}
              label={t('listing.field.adcode')}
              value={values.adcode}
              invalid={Boolean(err('adcode')())}
              describedBy={err('adcode')() ? errorId('adcode') : undefined}
              onChange={(adcode) => set('adcode', adcode)}
            />
          </Field>
          <Field
            field="address"
            label={t('listing.field.address')}
            hint={t('listing.hint.address')}
            error={err('address')()}
            optional
          >
            <input
              {...controlProps('address', err('address'), true)}
              maxlength="200"
              autocomplete="street-address"
              value={values.address}
              onInput={text('address')}
            />
          </Field>
        </>,
      )}
      {section(
        'listing.sectionContact',
        <>
          <Field field="contact.name" label={t('listing.field.contactName')} error={err('contact.name')()}>
            <input
              {...controlProps('contact.name', err('contact.name'))}
              autocomplete="name"
              maxlength="50"
              value={values.contact.name}
              onInput={(e) => {
                setValues('contact', 'name', e.currentTarget.value);
                errors.clearField('contact.name');
              }}
            />
          </Field>
          <Field field="contact.phone" label={t('listing.field.contactPhone')} error={err('contact.phone')()}>
            <input
              {...controlProps('contact.phone', err('contact.phone'))}
              type="tel"
              inputmode="tel"
              autocomplete="tel"
              maxlength="32"
              value={values.contact.phone}
              onInput={(e) => {
                setValues('contact', 'phone', e.currentTarget.value);
                errors.clearField('contact.phone');
              }}
            />
          </Field>
        </>,
        t('listing.contactHint'),
      )}
      {section(
        'listing.sectionNote',
        <Field field="note" label={t('listing.field.note')} error={err('note')()} optional class="field-wide">
          <textarea
            {...controlProps('note', err('note'))}
            rows="3"
            maxlength="1000"
            value={values.note}
            onInput={text('note')}
          />
        </Field>,
      )}
    </>
  );

  const labourNotice = () => (
    <div class="alert alert-info labour-notice" data-testid="labour-notice">
      <p>
        <strong>{t('listing.labourNotice')}</strong>
      </p>
      <p>{t('listing.labourNoticeText')}</p>
    </div>
  );

  return (
    <>
      <FormMessage
        id="listing-form-error"
        message={errors.form()}
        extra={errors
          .unplaced()
          .map((f) => `${f.field ? `${fieldLabel(f.field)}: ` : ''}${localized(f.messages)}`)}
      />
      <form class="form form-sections listing-form" novalidate onSubmit={submit} data-kind={kind}>
        <Switch>
          <Match when={kind === 'supply'}>
            {section('listing.sectionProduct', specPicker())}
            {section(
              'listing.sectionQuantity',
              <>
                {numberInput('quantity', t('listing.field.quantitySupply'), { suffix: unit })}
                {numberInput('stockOnHand', t('listing.field.stockOnHand'), {
                  hint: t('listing.hint.stockOnHand'),
                  optional: true,
                  suffix: unit,
                })}
                {numberInput('dailyCapacity', t('listing.field.dailyCapacity'), {
                  hint: t('listing.hint.dailyCapacity'),
                  optional: true,
                  suffix: unit,
                })}
                {numberInput('minOrder', t('listing.field.minOrder'), { optional: true, suffix: unit })}
                {dateInput('availableFrom', t('listing.field.availableFrom'))}
                {dateInput('availableUntil', t('listing.field.availableUntil'))}
              </>,
            )}
            {section(
              'listing.sectionDelivery',
              <>
                {numberInput('deliveryRadiusKm', t('listing.field.deliveryRadiusKm'), {
                  hint: t('listing.hint.deliveryRadiusKm'),
                })}
                {numberInput('unitPrice', t('listing.field.unitPrice'), {
                  hint: t('listing.hint.unitPrice'),
                  optional: true,
                  suffix: () => t('listing.perUnit', { unit: unit() || '…' }),
                })}
              </>,
            )}
          </Match>
          <Match when={kind === 'demand'}>
            {section(
              'listing.sectionProject',
              <>
                <Field
                  field="projectName"
                  label={t('listing.field.projectName')}
                  error={err('projectName')()}
                >
                  <input
                    {...controlProps('projectName', err('projectName'))}
                    maxlength="100"
                    value={values.projectName}
                    onInput={text('projectName')}
                  />
                </Field>
                {checkbox('keyProject', t('listing.field.keyProject'), t('listing.hint.keyProject'))}
              </>,
            )}
            {section(
              'listing.sectionProduct',
              <>
                {specPicker()}
                {checkbox(
                  'acceptsSubstitutes',
                  t('listing.field.acceptsSubstitutes'),
                  t('listing.hint.acceptsSubstitutes'),
                )}
              </>,
            )}
            {section(
              'listing.sectionQuantity',
              <>
                {numberInput('quantity', t('listing.field.quantityDemand'), { suffix: unit })}
                <span class="grid-gap" aria-hidden="true" />
                {dateInput('deliverFrom', t('listing.field.deliverFrom'))}
                {dateInput('neededBy', t('listing.field.neededBy'))}
              </>,
            )}
            {section(
              'listing.sectionPrice',
              numberInput('ceilingPrice', t('listing.field.ceilingPrice'), {
                hint: t('listing.hint.ceilingPrice'),
                optional: true,
                suffix: () => t('listing.perUnit', { unit: unit() || '…' }),
              }),
            )}
          </Match>
          <Match when={!isGoodsKind(kind)}>
            {labourNotice()}
            {section(
              'listing.sectionLabour',
              <>
                {skillPicker()}
                {numberInput(
                  'headcount',
                  t(
                    kind === 'labour_offer'
                      ? 'listing.field.headcountOffer'
                      : 'listing.field.headcountRequest',
                  ),
                  { suffix: () => t('listing.people'), integer: true },
                )}
                {dateInput('from', t('listing.field.from'))}
                {dateInput('until', t('listing.field.until'))}
                <Show
                  when={kind === 'labour_offer'}
                  fallback={numberInput('minOverlapDays', t('listing.field.minOverlapDays'), {
                    hint: t('listing.hint.minOverlapDays'),
                    optional: true,
                    integer: true,
                  })}
                >
                  {numberInput('commuteRadiusKm', t('listing.field.commuteRadiusKm'), {
                    hint: t('listing.hint.commuteRadiusKm'),
                  })}
                </Show>
                <CertificatePicker
                  catalogue={props.catalogue}
                  field={shape.certificates ?? 'certificates'}
                  label={t(
                    kind === 'labour_offer'
                      ? 'listing.field.certificates'
                      : 'listing.field.certificatesRequired',
                  )}
                  hint={t(
                    kind === 'labour_offer'
                      ? 'listing.hint.certificatesOffer'
                      : 'listing.hint.certificatesRequest',
                  )}
                  value={values.certificates}
                  error={err(shape.certificates ?? 'certificates')()}
                  onChange={(ids) => {
                    setValues('certificates', ids);
                    errors.clearField(shape.certificates ?? 'certificates');
                  }}
                />
              </>,
            )}
            {section(
              'listing.sectionTerms',
              <>
                {numberInput('dailyWage', t('listing.field.dailyWage'), {
                  hint: t('listing.hint.dailyWage'),
                  optional: true,
                  suffix: () => t('listing.perDay'),
                })}
                <span class="grid-gap" aria-hidden="true" />
                <For
                  each={
                    kind === 'labour_offer'
                      ? (['needsHousing', 'needsTransport'] as const)
                      : (['housingProvided', 'transportProvided'] as const)
                  }
                >
                  {(field) => checkbox(field, t(`listing.field.${field}`))}
                </For>
              </>,
            )}
          </Match>
        </Switch>
        {placeAndContact()}
        <div class="form-actions">
          <Show
            when={!editing}
            fallback={
              <>
                <button
                  type="submit"
                  class="button button-primary"
                  data-testid="listing-save"
                  disabled={pending() !== null}
                  aria-busy={pending() === 'save'}
                >
                  {pending() === 'save' ? t('common.saving') : t('listing.saveChanges')}
                </button>
                <button type="button" class="button button-ghost" onClick={() => props.onCancel?.()}>
                  {t('common.cancel')}
                </button>
              </>
            }
          >
            <button
              type="submit"
              value="open"
              class="button button-primary"
              data-testid="listing-publish"
              disabled={pending() !== null}
              aria-busy={pending() === 'open'}
            >
              {pending() === 'open' ? t('listing.publishing') : t('listing.publish')}
            </button>
            <button
              type="submit"
              value="draft"
              class="button button-secondary"
              data-testid="listing-save-draft"
              disabled={pending() !== null}
              aria-busy={pending() === 'draft'}
            >
              {pending() === 'draft' ? t('listing.savingDraft') : t('listing.saveDraft')}
            </button>
          </Show>
        </div>
      </form>
    </>
  );
}
