'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import type { CameraFrameDto, SamplerActionResult, SamplerCommandRowDto, StationCameraDto } from '@/lib/dto/camera';
import { formatDateTime, formatTime } from '@/lib/domain/time';

/** Event a chart may dispatch on `window` with `{ detail: { time: <ms> } }`: the panel shows the nearest frame. */
export const TIME_CURSOR_EVENT = 'qt:time-cursor';

function nearestIndex(frames: readonly CameraFrameDto[], at: number): number {
  let best = -1;
  let diff = Infinity;
  frames.forEach((f, i) => {
    const d = Math.abs(Date.parse(f.time) - at);
    if (d < diff) {
      best = i;
      diff = d;
    }
  });
  return best;
}

/**
 * The station page's camera panel: the selected frame (the newest by default), a strip of thumbnails that follows the
 * time cursor (the slider, or a chart dispatching TIME_CURSOR_EVENT), the live-view link, and the sampler.
 */
export function CameraPanel({ data, queue }: { data: StationCameraDto; queue: (input: { station: string; alertId: number | null }) => Promise<SamplerActionResult> }) {
  const t = useTranslations('camera');
  const frames = data.frames;
  const [index, setIndex] = useState(frames.length - 1);
  useEffect(() => {
    const on = (e: Event) => {
      const time = (e as CustomEvent<{ time?: number }>).detail?.time;
      if (typeof time === 'number') setIndex(nearestIndex(frames, time));
    };
    window.addEventListener(TIME_CURSOR_EVENT, on);
    return () => window.removeEventListener(TIME_CURSOR_EVENT, on);
  }, [frames]);
  const current = frames[index] ?? null;
  return (
    <section className="panel" data-testid="camera-panel" style={{ marginBottom: 24 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: 8 }}>
        <h2 style={{ margin: 0 }}>{t('title')}</h2>
        {data.streamUrl && (
          <a href={data.streamUrl} target="_blank" rel="noopener noreferrer" data-testid="camera-live">
            {t('live')}
          </a>
        )}
      </div>
      {current ? (
        <figure style={{ margin: '12px 0' }}>
          {/* eslint-disable-next-line @next/next/no-img-element -- private, session-scoped bytes; no optimisation wanted */}
          <img src={current.fullUrl} alt={t('frameAlt', { time: formatDateTime(current.time) })} style={{ maxWidth: '100%', height: 'auto', display: 'block', borderRadius: 4 }} width={current.width} height={current.height} />
          <figcaption className="muted" data-testid="camera-time">
            {formatDateTime(current.time)} · {t(`sources.${current.source}`)}
          </figcaption>
        </figure>
      ) : (
        <p className="muted">{t('noImages')}</p>
      )}
      {frames.length > 1 && (
        <>
          <label style={{ display: 'block' }}>
            <span className="muted">{t('cursor')}</span>
            <input type="range" min={0} max={frames.length - 1} value={index} onChange={(e) => setIndex(Number(e.target.value))} style={{ width: '100%' }} aria-label={t('cursor')} />
          </label>
          <div style={{ display: 'flex', gap: 6, overflowX: 'auto', paddingBottom: 4 }} data-testid="camera-strip">
            {frames.map((f, i) => (
              <button
                key={f.id}
                type="button"
                onClick={() => setIndex(i)}
                title={formatDateTime(f.time)}
                style={{ border: i === index ? '2px solid #1f6feb' : '2px solid transparent', padding: 0, background: 'none', cursor: 'pointer', flex: '0 0 auto' }}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
                <img src={f.thumbUrl} alt={formatTime(f.time)} width={96} height={Math.round((96 * f.height) / Math.max(1, f.width))} style={{ display: 'block' }} />
                <span style={{ fontSize: 11 }}>{formatTime(f.time)}</span>
              </button>
            ))}
          </div>
        </>
      )}
      {data.samplerEnabled && <SamplerBox station={data.stationCode} alertId={null} canQueue={data.canQueue} commands={data.commands} queue={queue} />}
    </section>
  );
}

/** The sampler's latest commands and, for inspectors and admins, a "queue a sample" button. */
export function SamplerBox({
  station,
  alertId,
  canQueue,
  commands,
  queue,
}: {
  station: string;
  alertId: number | null;
  canQueue: boolean;
  commands: SamplerCommandRowDto[];
  queue: (input: { station: string; alertId: number | null }) => Promise<SamplerActionResult>;
}) {
  const t = useTranslations('camera');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rows = useMemo(() => commands, [commands]);
  return (
    <div data-testid="sampler-box" style={{ marginTop: 12 }}>
      <h3 style={{ margin: '8px 0' }}>{t('sampler.title')}</h3>
      {canQueue && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={pending}
          data-testid="queue-sample"
          onClick={async () => {
            setPending(true);
            setError(null);
            const r = await queue({ station, alertId });
            setPending(false);
            if (!r.ok) setError(t(`sampler.errors.${r.error === 'CONFLICT' ? 'conflict' : 'other'}`));
          }}
        >
          {pending ? t('sampler.queueing') : t('sampler.queue')}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">{t('sampler.none')}</p>
      ) : (
        <ul style={{ paddingLeft: 18 }} data-testid="sampler-commands">
          {rows.map((c) => (
            <li key={c.id} data-state={c.state}>
              {t(`sampler.states.${c.state}`)}
              {c.state === 'sampled' && c.sampledAt
                ? `: ${t('sampler.sampledText', { bottle: c.bottle ?? '—', time: formatTime(c.sampledAt) })}`
                : ''}{' '}
              <span className="muted">
                · {t(`sampler.triggers.${c.trigger}`)} · {formatDateTime(c.requestedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
