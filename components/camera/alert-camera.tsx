'use client';
import { useTranslations } from 'next-intl';
import type { AlertCameraDto, CameraFrameDto, SamplerActionResult } from '@/lib/dto/camera';
import { formatDateTime } from '@/lib/domain/time';
import { SamplerBox } from './camera-panel';

function Frame({ label, at, frame, testId }: { label: string; at: string; frame: CameraFrameDto | null; testId: string }) {
  const t = useTranslations('camera');
  return (
    <figure style={{ margin: 0, flex: '1 1 240px', minWidth: 0, maxWidth: 480 }} data-testid={testId}>
      <figcaption style={{ fontWeight: 600 }}>
        {label} · {formatDateTime(at)}
      </figcaption>
      {frame ? (
        <>
          <a href={frame.fullUrl} target="_blank" rel="noopener noreferrer">
            {/* eslint-disable-next-line @next/next/no-img-element -- private, session-scoped bytes */}
            <img src={frame.thumbUrl} alt={t('frameAlt', { time: formatDateTime(frame.time) })} style={{ width: '100%', height: 'auto', display: 'block', borderRadius: 4 }} />
          </a>
          <span className="muted">{t('frameAt', { time: formatDateTime(frame.time) })}</span>
        </>
      ) : (
        <p className="muted">{t('noFrame')}</p>
      )}
    </figure>
  );
}

/** The alert page: the frames nearest the episode's start and peak, and the sampler with "queue a sample". */
export function AlertCamera({ data, queue }: { data: AlertCameraDto; queue: (input: { station: string; alertId: number | null }) => Promise<SamplerActionResult> }) {
  const t = useTranslations('camera');
  return (
    <section className="panel" data-testid="alert-camera" style={{ marginBottom: 24 }}>
      <h2 style={{ marginTop: 0 }}>{t('alertTitle')}</h2>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Frame label={t('start')} at={data.start.at} frame={data.start.frame} testId="frame-start" />
        {data.peak && <Frame label={t('peak')} at={data.peak.at} frame={data.peak.frame} testId="frame-peak" />}
      </div>
      {data.samplerEnabled && <SamplerBox station={data.stationCode} alertId={data.alertId} canQueue={data.canQueue} commands={data.commands} queue={queue} />}
    </section>
  );
}
