import Link from 'next/link';
import { useTranslations } from 'next-intl';

const RANGES = ['24h', '7d', '30d', '1y'] as const;
const RESOLUTIONS = ['raw', '1h', '24h'] as const;

/**
 * Range (24 h, 7 d, 30 d, 1 y, custom dd/MM/yyyy) and resolution (raw, 1 h, 24 h) as links and a GET form, so the
 * choice lives in the URL (?range=7d&res=1h) and works without JavaScript.
 */
export function RangeControls({ code, range, res, fromText, toText, adjusted }: { code: string; range: string; res: string; fromText: string; toText: string; adjusted: boolean }) {
  const tm = useTranslations('monitoring');
  const base = `/stations/${encodeURIComponent(code)}`;
  const href = (r: string, s?: string) => {
    const q = new URLSearchParams({ range: r });
    if (s) q.set('res', s);
    if (r === 'custom') {
      q.set('from', fromText);
      q.set('to', toText);
    }
    return `${base}?${q.toString()}`;
  };
  return (
    <div className="toolbar" data-testid="range-controls" style={{ flexWrap: 'wrap', gap: 8 }}>
      <span className="muted small">{tm('range')}:</span>
      {RANGES.map((r) => (
        <Link key={r} href={href(r)} className={`btn${range === r ? ' btn-primary' : ''}`} aria-current={range === r ? 'true' : undefined} data-range={r}>
          {tm(`ranges.${r}`)}
        </Link>
      ))}
      <form method="get" action={base} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }} data-testid="custom-range">
        <input type="hidden" name="range" value="custom" />
        <input className="input" name="from" defaultValue={fromText} aria-label={tm('from')} placeholder="dd/MM/yyyy" pattern="\d{1,2}/\d{1,2}/\d{4}" style={{ width: 110 }} />
        <span>–</span>
        <input className="input" name="to" defaultValue={toText} aria-label={tm('to')} placeholder="dd/MM/yyyy" pattern="\d{1,2}/\d{1,2}/\d{4}" style={{ width: 110 }} />
        <input type="hidden" name="res" value={res} />
        <button type="submit" className={`btn${range === 'custom' ? ' btn-primary' : ''}`}>
          {tm('ranges.custom')}
        </button>
      </form>
      <span className="muted small" style={{ marginLeft: 12 }}>
        {tm('resolution')}:
      </span>
      {RESOLUTIONS.map((s) => (
        <Link key={s} href={href(range, s)} className={`btn${res === s ? ' btn-primary' : ''}`} aria-current={res === s ? 'true' : undefined} data-res={s}>
          {tm(`resolutions.${s}`)}
        </Link>
      ))}
      {adjusted && <span className="small muted">{tm('rawTooLong')}</span>}
    </div>
  );
}
