'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useRef, useState } from 'react';
import { Select, type Option } from '@/components/ui/select';
import { formatNumber } from '@/lib/domain/format';
import styles from './reports.module.css';
import { stationOptions } from './station-options';

export type ExportStationOption = { code: string; name: string; parameters: string[] };

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; rows: number; bytes: number; total: number | null }
  | { kind: 'done'; rows: number }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' };

/** A labelled multiple select bound to a list of values (test id `export-<name>`). */
function MultiSelect({
  label,
  name,
  values,
  onChange,
  options,
}: {
  label: string;
  name: string;
  values: string[];
  onChange: (values: string[]) => void;
  options: readonly (Option | string)[];
}) {
  return (
    <label>
      {label}
      <Select
        multiple
        value={values}
        onChange={(e) => onChange([...e.currentTarget.selectedOptions].map((o) => o.value))}
        name={name}
        data-testid={`export-${name}`}
        options={options}
      />
    </label>
  );
}

function formatBytes(n: number, locale: 'vi' | 'en'): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${formatNumber(n / 1024, 1, locale)} KB`;
  return `${formatNumber(n / 1024 / 1024, 1, locale)} MB`;
}

/**
 * Export form: downloads /reports/export with fetch and a stream reader so the page can show progress (CSV lines
 * counted against the server's X-Estimated-Rows; for XLSX only bytes), then hands the file to the browser.
 */
export function ExportPanel({
  stations,
  defaultFrom,
  defaultTo,
}: {
  stations: ExportStationOption[];
  defaultFrom: string;
  defaultTo: string;
}) {
  const t = useTranslations('reports.export');
  const tr = useTranslations('reports');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  const [selected, setSelected] = useState<string[]>(stations[0] ? [stations[0].code] : []);
  const [params, setParams] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const parameterOptions = useMemo(
    () => [...new Set(stations.filter((s) => selected.includes(s.code)).flatMap((s) => s.parameters))].sort(),
    [stations, selected],
  );

  async function run(form: HTMLFormElement) {
    if (selected.length === 0) {
      setStatus({ kind: 'error', message: t('needStation') });
      return;
    }
    const fd = new FormData(form);
    const qs = new URLSearchParams({
      stations: selected.join(','),
      resolution: String(fd.get('resolution') ?? 'raw'),
      format: String(fd.get('format') ?? 'csv'),
      from: String(fd.get('from') ?? ''),
      to: String(fd.get('to') ?? ''),
    });
    if (params.length > 0) qs.set('parameters', params.join(','));
    const format = qs.get('format');
    const ctrl = new AbortController();
    abort.current = ctrl;
    setStatus({ kind: 'running', rows: 0, bytes: 0, total: null });
    try {
      const res = await fetch(`/reports/export?${qs.toString()}`, { signal: ctrl.signal });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
      }
      const total = Number(res.headers.get('x-estimated-rows')) || null;
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `export.${format}`;
      const reader = res.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.length;
        if (format === 'csv') for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
        setStatus({ kind: 'running', rows: Math.max(0, lines - 1), bytes, total: format === 'csv' ? total : null });
      }
      const url = URL.createObjectURL(
        new Blob(parts, { type: res.headers.get('content-type') ?? 'application/octet-stream' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ kind: 'done', rows: Math.max(0, lines - 1) });
    } catch (e) {
      if (ctrl.signal.aborted) setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      abort.current = null;
    }
  }

  const running = status.kind === 'running';
  return (
    <form
      className="panel"
      data-testid="export-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(e.currentTarget);
      }}
    >
      <div className={styles.filters}>
        <MultiSelect label={t('stations')} name="stations" values={selected} onChange={setSelected} options={stationOptions(stations)} />
        <MultiSelect label={t('parameters')} name="parameters" values={params} onChange={setParams} options={parameterOptions} />
        <label>
          {tr('from')}
          <input
            className="input"
            name="from"
            defaultValue={defaultFrom}
            placeholder="dd/mm/yyyy"
            required
            data-testid="export-from"
          />
        </label>
        <label>
          {tr('to')}
          <input
            className="input"
            name="to"
            defaultValue={defaultTo}
            placeholder="dd/mm/yyyy"
            required
            data-testid="export-to"
          />
        </label>
        <label>
          {t('resolution')}
          <Select
            name="resolution"
            defaultValue="raw"
            data-testid="export-resolution"
            options={(['raw', '1h', '24h'] as const).map((r) => ({ value: r, label: t(`resolutions.${r}`) }))}
          />
        </label>
        <label>
          {t('format')}
          <Select
            name="format"
            defaultValue="csv"
            data-testid="export-format"
            options={[
              { value: 'csv', label: 'CSV' },
              { value: 'xlsx', label: 'Excel (XLSX)' },
            ]}
          />
        </label>
      </div>
      <div className={styles.exportRow}>
        <button className="btn btn-primary" type="submit" disabled={running} data-testid="export-start">
          {t('start')}
        </button>
        {running && (
          <button className="btn" type="button" onClick={() => abort.current?.abort()}>
            {t('cancel')}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" data-testid="export-status">
        {status.kind === 'running' && (
          <>
            <progress
              className={styles.progress}
              max={status.total ?? undefined}
              value={status.total ? Math.min(status.rows, status.total) : undefined}
            />
            <span className="muted small">
              {status.total
                ? t('progress', {
                    rows: formatNumber(status.rows, 0, locale),
                    total: formatNumber(status.total, 0, locale),
                    bytes: formatBytes(status.bytes, locale),
                  })
                : t('progressBytes', { bytes: formatBytes(status.bytes, locale) })}
            </span>
          </>
        )}
        {status.kind === 'done' && (
          <span data-testid="export-done">{t('done', { rows: formatNumber(status.rows, 0, locale) })}</span>
        )}
        {status.kind === 'error' && <span className="form-error">{t('failed', { message: status.message })}</span>}
        {status.kind === 'cancelled' && <span className="muted">{t('cancelled')}</span>}
      </div>
    </form>
  );
}
