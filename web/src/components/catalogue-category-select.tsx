import { For } from 'solid-js';
import type { Catalogue } from '../api/catalogue.ts';
import { lang, t } from '../i18n/index.ts';

/**
 * The category filter of searches and list views: product categories for supply and demand, skills
 * (as `labour:<skill>`, the API's category for staff) for shared-employee listings.
 */
export function CategorySelect(props: {
  id: string;
  catalogue: Catalogue | undefined;
  labour: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="" selected={props.value === ''}>
        {props.labour ? t('browse.allSkills') : t('browse.allCategories')}
      </option>
      <For each={props.labour ? [] : (props.catalogue?.categories ?? [])}>
        {(category) => (
          <option value={category.id} selected={category.id === props.value}>
            {category.name[lang()]}
          </option>
        )}
      </For>
      <For each={props.labour ? (props.catalogue?.skills ?? []) : []}>
        {(skill) => (
          <option value={`labour:${skill.id}`} selected={`labour:${skill.id}` === props.value}>
            {skill.name[lang()]}
          </option>
        )}
      </For>
    </select>
  );
}
