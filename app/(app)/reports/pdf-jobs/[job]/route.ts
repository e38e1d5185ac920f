import { pdfJobStatusResponse } from '@/server/queries/reports-files';

/** GET /reports/pdf-jobs/<job>: the caller's background PDF render (stage, progress, error). Checks the session. */
export async function GET(_req: Request, { params }: { params: Promise<{ job: string }> }): Promise<Response> {
  return pdfJobStatusResponse((await params).job);
}
