import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '@/components/fields';
import { useT } from '@/lib/i18n';
import { looksLikeCpr, normaliseCpr } from './cpr';

/**
 * "Find sag via CPR-nummer": the number is sent in a POST body (never in the
 * URL) and the field is emptied once the search has gone well.
 */
export function CprLookupForm(props: {
  busy: boolean;
  /** An error from the API about the number (422), in plain words. */
  serverError?: string;
  onSearch: (cpr: string) => Promise<boolean>;
}) {
  const t = useT();
  const [cpr, setCpr] = useState('');
  const [localError, setLocalError] = useState<string>();
  const error = localError ?? props.serverError;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (props.busy) return;
    const value = normaliseCpr(cpr);
    if (!value) return setLocalError(t('cases.list.cpr.required'));
    if (!looksLikeCpr(value)) return setLocalError(t('cases.list.cpr.invalid'));
    setLocalError(undefined);
    if (await props.onSearch(value)) setCpr('');
  }

  return (
    <form onSubmit={submit} noValidate className="mt-7" role="search" aria-label={t('cases.list.cpr.formLabel')}>
      <div className={`form-group${error ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="field-cpr-lookup">
          {t('cases.list.cpr.label')}
        </label>
        <span className="form-hint" id="field-cpr-lookup-hint">
          {t('cases.list.cpr.hint')}
        </span>
        {error && (
          <span role="alert">
            <ErrorMessage id="field-cpr-lookup-error" text={error} />
          </span>
        )}
        <div className="d-flex flex-wrap align-items-center">
          <input
            id="field-cpr-lookup"
            className="form-input input-char-11 mr-4"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={13}
            value={cpr}
            aria-invalid={error ? true : undefined}
            aria-describedby={`field-cpr-lookup-hint${error ? ' field-cpr-lookup-error' : ''}`}
            onChange={(e) => setCpr(e.target.value)}
          />
          <button type="submit" className="button button-secondary mt-3" aria-disabled={props.busy ? true : undefined}>
            {props.busy ? t('cases.list.cpr.submitting') : t('cases.list.cpr.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
