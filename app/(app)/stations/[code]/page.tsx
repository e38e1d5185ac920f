import type { Metadata } from 'next';
import { StationDetailView } from '@/components/stations/station-detail-view';
import { getStationDetail } from '@/server/queries/stations';

type Props = { params: Promise<{ code: string }> };

function decode(code: string): string {
  try {
    return decode(code);
  } catch {
    return code;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: decode(code) };
}

export default async function StationPage({ params }: Props) {
  const { code } = await params;
  const detail = await getStationDetail(decode(code));
  return <StationDetailView {...detail} />;
}
