'use client';
import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { formatNumber, type DisplayLocale } from '@/lib/domain/format';
import type { QcFormAction } from './types';

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
        {p.parameter} <span className="muted small">({p.unit})</span>{' '}
        {p.override && <span className="badge badge-warn">{t('overridden')}</span>}
      </h3>
      <table className="small">
        <tbody>
          <tr>
            <th scope="row">{t('failSpan')}</th>
            <td>{field('failMin', o.failSpan?.[0])} – {field('failMax', o.failSpan?.[1])}</td>
            <td className="muted">{t('defaultValue', { value: span(d.failSpan) })}</td>
          </tr>
          <tr>
            <th scope="row">{t('suspectSpan')}</th>
            <td>{field('suspectMin', o.suspectSpan?.[0])} – {field('suspectMax', o.suspectSpan?.[1])}</td>
            <td className="muted">{t('defaultValue', { value: span(d.suspectSpan) })}</td>
          </tr>
          <tr>
            <th scope="row">{t('flatTolerance')}</th>
            <td>{field('flatTolerance', o.flatTolerance)}</td>
            <td className="muted">{t('defaultValue', { value: f(d.flatTolerance) })}</td>
          </tr>
          <tr>
            <th scope="row">{t('flatMinutes')}</th>
            <td>{field('flatSuspectMinutes', o.flatSuspectMinutes)} / {field('flatFailMinutes', o.flatFailMinutes)}</td>
            <td className="muted">{t('defaultValue', { value: `${f(d.flatSuspectMinutes)} / ${f(d.flatFailMinutes)}` })}</td>
          </tr>
          <tr>
            <th scope="row">{t('spike')}</th>
            <td>{field('spikeSuspect', o.spike?.[0])} / {field('spikeFail', o.spike?.[1])}</td>
            <td className="muted">{t('defaultValue', { value: d.spike ? `${f(d.spike[0])} / ${f(d.spike[1])}` : t('off') })}</td>
          </tr>
          <tr>
            <th scope="row">{t('roc')}</th>
            <td>{field('rocSuspect', o.rateOfChangePerMinute)} / {field('rocFail', o.rateOfChangeFailPerMinute)}</td>
            <td className="muted">{t('defaultValue', { value: `${f(d.rateOfChangePerMinute)} / ${f(d.rateOfChangeFailPerMinute)}` })}</td>
          </tr>
          <tr>
            <th scope="row">{t('zero')}</th>
            <td>
              <select className="input" name="zeroImplausible" defaultValue={o.zeroImplausible === undefined ? '' : o.zeroImplausible ? 'on' : 'off'}>
                <option value="">{t('zeroDefault')}</option>
                <option value="on">{t('zeroOn')}</option>
                <option value="off">{t('zeroOff')}</option>
              </select>
            </td>
            <td className="muted">{t('defaultValue', { value: d.zeroImplausible ? t('zeroOn') : t('zeroOff') })}</td>
          </tr>
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
        <label>
          {t('from')}
          <br />
          <input className="input" type="datetime-local" name="from" required />
        </label>
        <label>
          {t('to')}
          <br />
          <input className="input" type="datetime-local" name="to" required />
        </label>
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
