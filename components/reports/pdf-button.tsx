'use client';
import { useEffect, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/domain/format';
import type { RenderJobView } from '@/lib/dto/report-render';

type State =
  | { kind: 'idle' }
  | { kind: 'working'; job: RenderJobView | null }
  | { kind: 'ready'; job: RenderJobView }
  | { kind: 'error'; message: string };

type JobAnswer = { job?: RenderJobView; error?: { message?: string } };

/**
 * "Tải PDF": the report's PDF is made in the background on the server (POST <base>/pdf), the button shows its place
 * in the queue and its progress, then a link to the file; a failure (no Chromium, the per-user limit) is a sentence
 * on the page, never raw JSON.
 */
export function PdfButton({ base, query }: { base: string; query: string }) {
  const t = useTranslations('screensB.pdf');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const [state, setState] = useState<State>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const follow = (job: RenderJobView) => {
    if (job.stage === 'done') return setState({ kind: 'ready', job });
    if (job.stage === 'failed') return setState({ kind: 'error', message: job.error?.message ?? t('internal') });
    setState({ kind: 'working', job });
    timer.current = setTimeout(() => void poll(job.id), 700);
  };
  const answer = async (res: Response): Promise<void> => {
    const body = (await res.json().catch(() => ({}))) as JobAnswer;
    if (res.status === 429 && body.job) {
      setState({ kind: 'error', message: body.error?.message ?? t('busy') });
      // Follow the render already running, so its link still appears.
      timer.current = setTimeout(() => follow(body.job!), 1500);
      return;
    }
    if (!res.ok || !body.job) return setState({ kind: 'error', message: body.error?.message ?? t('internal') });
    follow(body.job);
  };
  const poll = async (id: string) => {
    try {
      await answer(await fetch(`/reports/pdf-jobs/${encodeURIComponent(id)}`, { cache: 'no-store' }));
    } catch {
      setState({ kind: 'error', message: t('network') });
    }
  };
  const start = async () => {
    clearTimeout(timer.current);
    setState({ kind: 'working', job: null });
    try {
      await answer(await fetch(`${base}/pdf${query ? `?${query}` : ''}`, { method: 'POST' }));
    } catch {
      setState({ kind: 'error', message: t('network') });
    }
  };

  const working = state.kind === 'working';
  const size = (bytes: number | null) =>
    bytes === null ? '' : bytes >= 1e6 ? `${formatNumber(bytes / 1e6, 1, locale)} MB` : `${formatNumber(bytes / 1e3, 0, locale)} kB`;
  return (
    <>
      <button type="button" className="btn" onClick={() => void start()} disabled={working} aria-busy={working} data-testid="report-pdf">
        {state.kind === 'ready' ? t('again') : t('start')}
      </button>
      <span role="status" aria-live="polite" data-testid="report-pdf-status" data-state={state.kind}>
        {state.kind === 'working' &&
          (state.job?.stage === 'queued' ? (
            t('queued', { position: state.job.position })
          ) : (
            <>
              {t('running', { progress: state.job?.progress ?? 0 })}{' '}
              <progress max={100} value={state.job?.progress ?? 0} aria-label={t('progressLabel')} />
            </>
          ))}
        {state.kind === 'ready' && (
          <>
            {t('ready', { size: size(state.job.bytes), seconds: formatNumber(state.job.seconds ?? 0, 1, locale) })}{' '}
            <a href={`/reports/pdf-jobs/${state.job.id}/file`} download={state.job.fileName ?? undefined} data-testid="report-pdf-link">
              {t('link')}
            </a>
          </>
        )}
      </span>
      {state.kind === 'error' && (
        <span role="alert" className="error small" data-testid="report-pdf-error">
          {state.message}
        </span>
      )}
    </>
  );
}
