import { CameraPanel } from '@/components/camera/camera-panel';
import { queueSampleAction } from '@/server/actions/sampler';
import { loadStationCamera } from '@/server/queries/camera';

/** The station page's camera panel (issue #21); nothing when the station has no camera, images or sampler. */
export async function StationCamera({ code }: { code: string }) {
  const data = await loadStationCamera(code);
  return data ? <CameraPanel data={data} queue={queueSampleAction} /> : null;
}
