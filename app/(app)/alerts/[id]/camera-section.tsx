import { AlertCamera } from '@/components/camera/alert-camera';
import { queueSampleAction } from '@/server/actions/sampler';
import { loadAlertCamera } from '@/server/queries/camera';

/** The alert page's camera frames (episode start and peak) and sampler (issue #21). */
export async function AlertCameraSection({ alertId }: { alertId: number }) {
  const data = await loadAlertCamera(alertId);
  if (!data || (!data.samplerEnabled && !data.start.frame && !data.peak?.frame)) return null;
  return <AlertCamera data={data} queue={queueSampleAction} />;
}
