import { pdfJobFileResponse } from '@/server/queries/reports-files';

/** GET /reports/pdf-jobs/<job>/file: the finished PDF of the caller's background render. Checks the session. */
export async function GET(_req: Request, { params }: { params: Promise<{ job: string }> }): Promise<Response> {
  return pdfJobFileResponse((await params).job);
}
