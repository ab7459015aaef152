import { A, createAsync, revalidate, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { createLoadMore } from '../../api/load-more.ts';
import { fetchRuns, getRuns, type NewRun, startRun } from '../../api/runs.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { Field, FormMessage } from '../../components/field.tsx';
import { formatDate, formatPercent, useCatalogue } from '../../components/match-format.ts';
import { RegionName } from '../../components/region-name.tsx';
import { RegionPicker } from '../../components/region-picker.tsx';
import { RunStatusBadge, runScope } from '../../components/run-status.tsx';
import { createFormErrors, fieldId, focusFirstError } from '../../forms.ts';
import { localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';

/**
 * Organizers' matching runs: start one (goods or shared employees, a region, optionally a category
 * or skill) and see the earlier ones. A started run opens on its own page, which follows it.
 */
export default function RunsPage() {
  usePageTitle('runs.title');
  return (
    <>
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('runs.title')}</h1>
          <p class="page-lead">{t('runs.lead')}</p>
        </div>
      </header>
      <div class="runs-page">
        <NewRunForm />
        <RunList />
      </div>
    </>
  );
}

const FIELDS = ['kind', 'region', 'category'] as const;

function NewRunForm() {
  const me = useMe();
  const catalogue = useCatalogue();
  const navigate = useNavigate();
  const [kind, setKind] = createSignal<NewRun['kind']>('goods');
  const [region, setRegion] = createSignal<string>();
  const [category, setCategory] = createSignal('');
  const [pending, setPending] = createSignal(false);
  const errors = createFormErrors(FIELDS);

  // start from the organizer's own province
  createEffect(
    on(
      () => me()?.org.adcode,
      (adcode) => {
        if (adcode && !region()) setRegion(`${adcode.slice(0, 2)}0000`);
      },
    ),
  );
  createEffect(on(kind, () => setCategory(''), { defer: true }));

  const options = () => {
    const c = catalogue();
    if (!c) return [];
    return kind() === 'goods'
      ? c.categories.map((cat) => ({ value: cat.id, label: c.categoryName(cat.id) }))
      : c.skills.map((skill) => ({ value: `labour:${skill.id}`, label: c.skillName(skill.id) }));
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    errors.clear();
    setPending(true);
    try {
      // an empty region is left out, for the API to name the missing field
      const run = await startRun({
        kind: kind(),
        region: region() as string,
        ...(category() ? { category: category() } : {}),
      });
      await revalidate(getRuns.key);
      navigate(`/runs/${run.id}`);
    } catch (error) {
      errors.showApiError(error);
      focusFirstError(errors, 'run-form-error');
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="card" aria-labelledby="run-form-title">
      <h2 id="run-form-title" class="card-title">
        {t('runs.newTitle')}
      </h2>
      <FormMessage
        id="run-form-error"
        message={errors.form()}
        extra={errors.unplaced().map((f) => `${f.field ? `${f.field}: ` : ''}${localized(f.messages)}`)}
      />
      <form class="form run-form" novalidate onSubmit={submit} data-testid="run-form">
        <Field field="kind" label={t('runs.kind')} group error={errors.forField('kind')}>
          <div class="choice-grid">
            <For each={['goods', 'labour'] as const}>
              {(value) => (
                <label class="choice">
                  <input
                    type="radio"
                    name="run-kind"
                    value={value}
                    checked={kind() === value}
                    onChange={() => setKind(value)}
                    data-testid={`run-kind-${value}`}
                  />
                  <span class="choice-text">
                    <span class="choice-label">
                      {value === 'goods' ? t('runs.kindGoods') : t('runs.kindLabour')}
                    </span>
                  </span>
                </label>
              )}
            </For>
          </div>
        </Field>
        <Field field="region" label={t('runs.region')} group error={errors.forField('region')}>
          <RegionPicker
            id={fieldId('region')}
            label={t('runs.region')}
            value={region()}
            invalid={Boolean(errors.forField('region'))}
            onChange={(adcode) => {
              setRegion(adcode);
              errors.clearField('region');
            }}
          />
        </Field>
        <Field
          field="category"
          label={kind() === 'goods' ? t('runs.category') : t('runs.skill')}
          optional
          error={errors.forField('category')}
        >
          <select
            id={fieldId('category')}
            value={category()}
            onChange={(e) => setCategory(e.currentTarget.value)}
            data-testid="run-category"
          >
            <option value="">{t('runs.categoryAll')}</option>
            <For each={options()}>{(o) => <option value={o.value}>{o.label}</option>}</For>
          </select>
        </Field>
        <div class="form-actions">
          <button
            type="submit"
            class="button button-primary"
            disabled={pending()}
            aria-busy={pending()}
            data-testid="run-start"
          >
            {pending() ? t('runs.starting') : t('runs.start')}
          </button>
        </div>
      </form>
    </section>
  );
}

function RunList() {
  const catalogue = useCatalogue();
  const first = createAsync(() => getRuns(undefined));
  const pages = createLoadMore(first, fetchRuns);
  const runs = pages.items;
  const categoryName = (id: string) => catalogue()?.categoryName(id) ?? id;

  return (
    <section class="card" aria-labelledby="run-list-title">
      <h2 id="run-list-title" class="card-title">
        {t('runs.listTitle')}
      </h2>
      <Show when={first()}>
        <Show when={runs().length > 0} fallback={<p class="muted">{t('runs.none')}</p>}>
          <div class="table-wrap" tabindex="0">
            <table class="data-table" data-testid="run-list">
              <thead>
                <tr>
                  <th scope="col">{t('runs.created')}</th>
                  <th scope="col">{t('runs.scope')}</th>
                  <th scope="col">{t('runs.region')}</th>
                  <th scope="col">{t('runs.status')}</th>
                  <th scope="col" class="num">
                    {t('runs.placed')}
                  </th>
                  <th scope="col" class="num">
                    {t('runs.proposals')}
                  </th>
                  <th scope="col">
                    <span class="sr-only">{t('runs.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={runs()}>
                  {(run) => (
                    <tr data-testid="run-row" data-run-id={run.id}>
                      <td>{formatDate(run.createdAt, true)}</td>
                      <td>{runScope(run, categoryName)}</td>
                      <td>
                        <RegionName adcode={run.region} />
                      </td>
                      <td>
                        <RunStatusBadge status={run.status} />
                      </td>
                      <td class="num">
                        {run.totals ? formatPercent(run.totals.placedShare) : t('common.none')}
                      </td>
                      <td class="num">{run.totals ? run.proposalCount : t('common.none')}</td>
                      <td>
                        <A href={`/runs/${run.id}`}>{t('runs.open')}</A>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={pages.error()}>
            {(e) => (
              <div class="alert alert-error" role="alert">
                {localized(e().messages)}
              </div>
            )}
          </Show>
          <Show when={pages.hasMore()}>
            <div class="pager">
              <button type="button" class="button" disabled={pages.loading()} onClick={pages.loadMore}>
                {pages.loading() ? t('common.loading') : t('runs.more')}
              </button>
            </div>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
