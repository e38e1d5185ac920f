'use client';
import { useLocale, useTranslations } from 'next-intl';
import { findBandView, textOn } from '@/components/aqi/bands';
import type { TomorrowAqiView } from '@/lib/dto/forecast';

/** Tomorrow's forecast AQI category of an ambient station, as a small coloured label (public page). */
export function TomorrowBadge({ tomorrow }: { tomorrow: TomorrowAqiView | undefined }) {
  const t = useTranslations('forecast');
  const locale = useLocale() === 'en' ? 'en' : 'vi';
  if (!tomorrow) return null;
  const band = findBandView('aqi', tomorrow.category, locale);
  const [y, m, d] = tomorrow.day.split('-');
  return (
    <div className="small" data-testid="public-tomorrow" data-category={tomorrow.category} style={{ margin: '4px 0' }}>
      {t('tomorrowShort')} ({`${d}/${m}/${y}`}):{' '}
      <span style={{ background: tomorrow.color, color: textOn(tomorrow.color), borderRadius: 4, padding: '1px 6px', fontWeight: 600 }}>
        {band?.name ?? tomorrow.category} · AQI {tomorrow.aqi}
      </span>
    </div>
  );
}
