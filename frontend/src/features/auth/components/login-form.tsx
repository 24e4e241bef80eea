import { useState, type FormEvent } from 'react';
import { session } from '@/lib/auth/session';
import { useT } from '@/lib/i18n';
import { TextField } from '@/components/fields';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';

/** Email and password; calls onSuccess once the session exists. */
export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<SummaryItem[]>([]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: SummaryItem[] = [];
    if (!email.trim()) missing.push({ field: 'email', message: t('auth.login.emailRequired') });
    if (!password) missing.push({ field: 'password', message: t('auth.login.passwordRequired') });
    if (missing.length) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    try {
      const r = await session.login(email.trim(), password);
      if (r.ok) {
        onSuccess();
        return;
      }
      if (r.status === 429) {
        setErrors([{ message: t('auth.login.throttled', { seconds: r.retryAfter || 60 }) }]);
      } else if (r.status === 401) {
        setErrors([{ field: 'password', message: t('auth.login.wrong') }]);
      } else {
        setErrors([{ message: t('common.errors.generic', { id: String(r.status) }) }]);
      }
    } catch {
      setErrors([{ message: t('common.errors.network') }]);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={errors} />
      <TextField name="email" label={t('auth.login.email')} type="email" autoComplete="username" required value={email} onChange={setEmail} error={fieldError('email')} />
      <TextField
        name="password"
        label={t('auth.login.password')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
        error={fieldError('password')}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('auth.login.submitting') : t('auth.login.submit')}
      </button>
    </form>
  );
}
