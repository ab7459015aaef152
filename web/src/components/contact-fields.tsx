import type { FormErrors } from '../forms.ts';
import { t } from '../i18n/index.ts';
import { controlProps, Field } from './field.tsx';

export interface ContactValue {
  name: string;
  phone: string;
  email: string;
}

/** Contact name, phone and (optional) email; `prefix` is the API path, e.g. `org.contact`. */
export function ContactFields(props: {
  prefix: string;
  value: ContactValue;
  errors: FormErrors;
  onChange: (key: keyof ContactValue, value: string) => void;
}) {
  const path = (key: keyof ContactValue) => `${props.prefix}.${key}`;
  const error = (key: keyof ContactValue) => () => props.errors.forField(path(key));
  const input = (key: keyof ContactValue) => (e: { currentTarget: HTMLInputElement }) => {
    props.onChange(key, e.currentTarget.value);
    props.errors.clearField(path(key));
  };
  return (
    <>
      <Field field={path('name')} label={t('register.contactName')} error={error('name')()}>
        <input
          {...controlProps(path('name'), error('name'))}
          autocomplete="name"
          maxlength="50"
          value={props.value.name}
          onInput={input('name')}
        />
      </Field>
      <Field field={path('phone')} label={t('register.contactPhone')} error={error('phone')()}>
        <input
          {...controlProps(path('phone'), error('phone'))}
          type="tel"
          autocomplete="tel"
          inputmode="tel"
          maxlength="32"
          value={props.value.phone}
          onInput={input('phone')}
        />
      </Field>
      <Field field={path('email')} label={t('register.contactEmail')} error={error('email')()} optional>
        <input
          {...controlProps(path('email'), error('email'))}
          type="email"
          autocomplete="email"
          inputmode="email"
          maxlength="254"
          value={props.value.email}
          onInput={input('email')}
        />
      </Field>
    </>
  );
}

/** The contact as the API takes it: no email key when none was given. */
export function contactBody(value: ContactValue): { name: string; phone: string; email?: string } {
  const email = value.email.trim();
  return { name: value.name, phone: value.phone, ...(email ? { email } : {}) };
}
