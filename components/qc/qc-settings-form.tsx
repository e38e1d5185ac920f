'use client';
import { useActionState, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import { Select } from '@/components/ui/select';
import { LocalTimeRange } from './local-time-range';
import type { QcFormAction } from './types';
import { parameterLabel } from '@/lib/domain/parameters';

type Action = QcFormAction;
type Span = [number, number] | null;
export type QcConfigView = {
  failSpan: [number, number];
  suspectSpan: Span;
  flatTolerance: number;
  flatSuspectMinutes: number;
  flatFailMinutes: number;
  spike: Span;
  rateOfChangePerMinute: number | null;
  rateOfChangeFailPerMinute: number | null;
  zeroImplausible: boolean;
};
export type QcParameterView = { parameter: string; unit: string; defaults: QcConfigView; override: Partial<QcConfigView> | null };

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** A setting: its name, its field(s), and the registry default used while the field is empty. */
function SettingRow({ label, fallback, children }: { label: string; fallback: string; children: ReactNode }) {
  const t = useTranslations('qc.settings');
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
      <td className="muted">{t('defaultValue', { value: fallback })}</td>
    </tr>
  );
}

/** One parameter's QC override (admin); each field shows the registry default beside it; empty = default. */
export function QcSettingsRow({ station, p, action }: { station: string; p: QcParameterView; action: Action }) {
  const t = useTranslations('qc.settings');
  const locale = useLocale() as DisplayLocale;
  const [state, submit, pending] = useActionState(action, { ok: false, error: null });
  const o = p.override ?? {};
  const d = p.defaults;
  const f = (v: number | null) => (v === null ? t('off') : formatNumber(v, Number.isInteger(v) ? 0 : 3, locale));
  const span = (s: Span) => (s ? `${f(s[0])} – ${f(s[1])}` : t('off'));
  const field = (name: string, value: number | null | undefined, width = 90) => (
    <input className="input" name={name} defaultValue={num(value)} inputMode="decimal" style={{ width }} aria-label={name} />
  );
  return (
    <form action={submit} className="panel" data-testid={`qc-settings-${p.parameter}`}>
      <input type="hidden" name="station" value={station} />
      <input type="hidden" name="parameter" value={p.parameter} />
      <h3 style={{ marginTop: 0 }}>
        {parameterLabel(p.parameter, locale)} <span className="muted small">({p.unit})</span>{' '}
        {p.override && <span className="badge badge-warn">{t('overridden')}</span>}
      </h3>
      <table className="small">
        <tbody>
          <SettingRow label={t('failSpan')} fallback={span(d.failSpan)}>
            {field('failMin', o.failSpan?.[0])} – {field('failMax', o.failSpan?.[1])}
          </SettingRow>
          <SettingRow label={t('suspectSpan')} fallback={span(d.suspectSpan)}>
            {field('suspectMin', o.suspectSpan?.[0])} – {field('suspectMax', o.suspectSpan?.[1])}
          </SettingRow>
          <SettingRow label={t('flatTolerance')} fallback={f(d.flatTolerance)}>
            {field('flatTolerance', o.flatTolerance)}
          </SettingRow>
          <SettingRow label={t('flatMinutes')} fallback={`${f(d.flatSuspectMinutes)} / ${f(d.flatFailMinutes)}`}>
            {field('flatSuspectMinutes', o.flatSuspectMinutes)} / {field('flatFailMinutes', o.flatFailMinutes)}
          </SettingRow>
          <SettingRow label={t('spike')} fallback={d.spike ? `${f(d.spike[0])} / ${f(d.spike[1])}` : t('off')}>
            {field('spikeSuspect', o.spike?.[0])} / {field('spikeFail', o.spike?.[1])}
          </SettingRow>
          <SettingRow label={t('roc')} fallback={`${f(d.rateOfChangePerMinute)} / ${f(d.rateOfChangeFailPerMinute)}`}>
            {field('rocSuspect', o.rateOfChangePerMinute)} / {field('rocFail', o.rateOfChangeFailPerMinute)}
          </SettingRow>
          <SettingRow label={t('zero')} fallback={d.zeroImplausible ? t('zeroOn') : t('zeroOff')}>
            <Select
              name="zeroImplausible"
              defaultValue={o.zeroImplausible === undefined ? '' : o.zeroImplausible ? 'on' : 'off'}
              empty={t('zeroDefault')}
              options={[
                { value: 'on', label: t('zeroOn') },
                { value: 'off', label: t('zeroOff') },
              ]}
            />
          </SettingRow>
        </tbody>
      </table>
      <p>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {t('save')}
        </button>{' '}
        <button className="btn" type="submit" name="reset" value="1" disabled={pending}>
          {t('reset')}
        </button>{' '}
        {state.ok && <span role="status">{t('saved')}</span>}
        {state.error && (
          <span className="form-error" role="alert">
            {state.error}
            {state.message ? `: ${state.message}` : ''}
          </span>
        )}
      </p>
    </form>
  );
}

export function RecomputeForm({ station, pending: pendingJobs, action }: { station: string; pending: number; action: Action }) {
  const t = useTranslations('qc.recompute');
  const [state, submit, busy] = useActionState(action, { ok: false, error: null });
  return (
    <form action={submit} className="panel" data-testid="qc-recompute-form">
      <h2>{t('title')}</h2>
      <input type="hidden" name="station" value={station} />
      <div className="toolbar" style={{ gap: 12, flexWrap: 'wrap' }}>
        <LocalTimeRange fromLabel={t('from')} toLabel={t('to')} />
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {t('submit')}
        </button>
      </div>
      <p className="small" role="status">
        {state.ok ? t('queued', { pending: state.message ?? '0' }) : t('pending', { count: pendingJobs })}
        {state.error && <span className="form-error"> {state.error}{state.message ? `: ${state.message}` : ''}</span>}
      </p>
    </form>
  );
}
