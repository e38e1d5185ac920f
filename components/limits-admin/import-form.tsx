'use client';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import {
  LIMIT_CSV_COLUMNS,
  LIMIT_IMPORT_EXAMPLE_CSV,
  LIMIT_IMPORT_EXAMPLE_JSON,
  type LimitImportError,
} from '@/lib/domain/limits';
import { formatDayKey } from '@/lib/domain/time';
import { DataTable } from '@/components/ui/data-table';
import { Select } from '@/components/ui/select';
import { LimitValuesTable } from './limit-values-table';
import styles from './limits-admin.module.css';
import type { ImportAction, ImportResult } from './types';

const dataUrl = (mime: string, text: string) => `data:${mime};charset=utf-8,${encodeURIComponent(text)}`;

/**
 * Upload of a new standard version (CSV or JSON): "Kiểm tra" parses and validates on the server and shows every row
 * problem without saving; "Nhập" is offered only once the same file has passed, and stores it through the service.
 */
export function LimitImportForm({ preview, save }: { preview: ImportAction; save: ImportAction }) {
  const t = useTranslations('limitsAdmin.import');
  const [state, dispatch, pending] = useActionState<ImportResult, FormData>(
    (prev, fd) => (fd.get('intent') === 'save' ? save(prev, fd) : preview(prev, fd)),
    null,
  );
  const [selected, setSelected] = useState<string | null>(null);
  const canSave = state?.ok === true && state.mode === 'preview' && state.preview.ok && state.fileName === selected;
  // Submitted by hand rather than through `action`: React resets a form after its action, which would empty the
  // file input between "Kiểm tra" and "Nhập".
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    fd.set('intent', submitter?.getAttribute('value') === 'save' ? 'save' : 'preview');
    startTransition(() => dispatch(fd));
  };
  return (
    <div data-testid="limit-import">
      <form onSubmit={onSubmit} className={styles.formGrid}>
        <label>
          {t('file')}
          <input
            className="input"
            type="file"
            name="file"
            accept=".csv,.json,text/csv,application/json"
            required
            onChange={(e) => setSelected(e.target.files?.[0]?.name ?? null)}
          />
        </label>
        <label>
          {t('format')}
          <Select
            name="format"
            defaultValue="auto"
            options={[
              { value: 'auto', label: t('formatAuto') },
              { value: 'csv', label: 'CSV' },
              { value: 'json', label: 'JSON' },
            ]}
          />
        </label>
        <div className={styles.row}>
          <button className="btn" type="submit" name="intent" value="preview" disabled={pending}>
            {t('check')}
          </button>
          <button className="btn btn-primary" type="submit" name="intent" value="save" disabled={pending || !canSave}>
            {t('save')}
          </button>
        </div>
      </form>
      <ImportOutcome state={state} />
      <FormatHelp />
    </div>
  );
}

function ErrorList({ errors }: { errors: LimitImportError[] }) {
  const t = useTranslations('limitsAdmin.import');
  if (errors.length === 0) return null;
  return (
    <ul className={styles.errors} data-testid="import-errors">
      {errors.map((e, i) => (
        <li key={i} data-line={e.line ?? undefined} data-code={e.code}>
          {e.line !== null ? (
            <strong>{t('line', { line: e.line })}: </strong>
          ) : e.path ? (
            <strong>{e.path}: </strong>
          ) : null}
          {e.line !== null && e.path ? `${e.path}: ` : ''}
          {/* An error without a code (see LimitImportError) can only be shown as its English text. */}
          {e.code !== undefined ? t(`issues.${e.code}`, e.params) : e.message}
        </li>
      ))}
    </ul>
  );
}

function ImportOutcome({ state }: { state: ImportResult }) {
  const t = useTranslations('limitsAdmin');
  const ti = useTranslations('limitsAdmin.import');
  const tk = useTranslations('kinds');
  if (!state) return null;
  if (!state.ok) {
    return (
      <div role="alert" data-testid="import-outcome" data-outcome="error">
        <p className="form-error">{t(`errors.${state.error}`, { details: state.details })}</p>
        <ErrorList errors={state.errors} />
      </div>
    );
  }
  if (state.mode === 'saved') {
    return (
      <p className="notice" role="status" data-testid="import-outcome" data-outcome="saved">
        {ti('saved', { list: state.imported.map((x) => `${x.code} ${x.version} (${x.values})`).join(', ') })}
      </p>
    );
  }
  const p = state.preview;
  return (
    <div data-testid="import-outcome" data-outcome={p.ok ? 'valid' : 'invalid'} style={{ marginTop: 12 }}>
      {p.ok ? (
        <p className="notice" role="status">
          {ti('valid', { file: state.fileName, count: p.standards.length })}
        </p>
      ) : (
        <div role="alert">
          <p className="form-error">{ti('invalid', { file: state.fileName, count: p.errors.length })}</p>
          <ErrorList errors={p.errors} />
        </div>
      )}
      {p.standards.map((s) => (
        <details key={`${s.code}|${s.version}`} open={p.standards.length === 1} style={{ marginTop: 8 }}>
          <summary>
            <strong>{s.code}</strong> · {ti('version')} <span className="mono">{s.version}</span> · {tk(s.kind)} ·{' '}
            {t('standards.period', {
              from: formatDayKey(s.effectiveFrom),
              to: s.effectiveTo ? formatDayKey(s.effectiveTo) : t('standards.open'),
            })}{' '}
            · {ti('valueCount', { count: s.values.length })}
            {s.exists && <span className="badge badge-warn"> {ti('exists')}</span>}
          </summary>
          <div className="table-wrap" style={{ marginTop: 6 }}>
            <LimitValuesTable values={s.values} />
          </div>
        </details>
      ))}
    </div>
  );
}

const COLUMN_KEYS = [...LIMIT_CSV_COLUMNS, 'name'] as const;

function FormatHelp() {
  const t = useTranslations('limitsAdmin.import');
  return (
    <details style={{ marginTop: 14 }} data-testid="import-format">
      <summary>{t('formatTitle')}</summary>
      <p className="muted">{t('formatIntro')}</p>
      <DataTable
        rows={COLUMN_KEYS}
        rowKey={(c) => c}
        columns={[
          { header: t('column'), className: 'mono', cell: (c) => c },
          { header: t('meaning'), cell: (c) => t(`columns.${c}`) },
        ]}
      />
      <p className="muted small">{t('formatRules')}</p>
      <h3>CSV</h3>
      <pre className={styles.code}>{LIMIT_IMPORT_EXAMPLE_CSV}</pre>
      <h3>JSON</h3>
      <pre className={styles.code}>{LIMIT_IMPORT_EXAMPLE_JSON}</pre>
      <p className={styles.row}>
        <a
          className="btn"
          href={dataUrl('text/csv', `\uFEFF${LIMIT_IMPORT_EXAMPLE_CSV}`)}
          download="vi-du-quy-chuan.csv"
        >
          {t('downloadCsv')}
        </a>
        <a
          className="btn"
          href={dataUrl('application/json', LIMIT_IMPORT_EXAMPLE_JSON)}
          download="vi-du-quy-chuan.json"
        >
          {t('downloadJson')}
        </a>
      </p>
    </details>
  );
}
