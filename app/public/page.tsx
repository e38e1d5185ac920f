import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { PublicView } from '@/components/public/public-view';
import { env } from '@/lib/env';
import { loadPublicData } from '@/server/queries/aqi';
import { loadTomorrowAqi } from '@/server/queries/forecast';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('aqi');
  return { title: t('publicTitle') };
}

/** Public air and water quality (no login): ambient and river stations only, published after PUBLIC_DELAY_MINUTES. */
export default async function PublicPage() {
  await connection();
  const data = await loadPublicData();
  const tomorrow = await loadTomorrowAqi(new Date(data.publishedUntil));
  const view = { ...data, stations: data.stations.map((s) => ({ ...s, tomorrow: tomorrow[s.code] })) };
  const tileUrl = env().MAP_TILE_URL;
  return <PublicView data={view} tileUrl={tileUrl} />;
}
