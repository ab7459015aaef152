import { type AppError, ConflictError, type FieldIssue, ValidationError } from './errors.ts';
import { bothLanguages, type Lang, type MessageKey, translate } from './messages.ts';

/** The stable error body: `{ error: { code, message, messages: { zh, en }, fields? } }`. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    messages: { zh: string; en: string };
    fields?: Array<{ field: string; code: string; message: string; messages: { zh: string; en: string } }>;
  };
}

function fieldsOf(error: AppError): readonly FieldIssue[] | undefined {
  if (error instanceof ValidationError) return error.fields;
  if (error instanceof ConflictError) return error.fields;
  return undefined;
}

export function errorBody(error: AppError, lang: Lang): ErrorBody {
  const fields = fieldsOf(error);
  return {
    error: {
      code: error.code,
      message: translate(error.key, lang, error.params),
      messages: bothLanguages(error.key, error.params),
      ...(fields && fields.length > 0
        ? {
            fields: fields.map((f) => ({
              field: f.field,
              code: f.key.replace(/^field\./, ''),
              message: translate(f.key, lang, f.params),
              messages: bothLanguages(f.key, f.params),
            })),
          }
        : {}),
    },
  };
}

export function plainErrorBody(code: string, key: MessageKey, lang: Lang): ErrorBody {
  return { error: { code, message: translate(key, lang), messages: bothLanguages(key) } };
}
