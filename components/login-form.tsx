'use client';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { safeTarget } from '@/lib/domain/security/safe-target';

export function LoginForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: boolean }) {
  const t = useTranslations('login');
  const router = useRouter();
  const [error, setError] = useState(initialError ?? false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(false);
    const res = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (!res || res.error || !res.ok) {
      setBusy(false);
      setError(true);
      return;
    }
    // Only same-site paths are followed after sign-in (no open redirect through ?callbackUrl=).
    router.replace(safeTarget(callbackUrl, window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && (
        <div className="form-error" role="alert">
          {t('error')}
        </div>
      )}
      <label>
        {t('email')}
        <input className="input" name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        {t('password')}
        <input className="input" name="password" type="password" autoComplete="current-password" required />
      </label>
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
