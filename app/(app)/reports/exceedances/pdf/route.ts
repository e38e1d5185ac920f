import { reportPdfResponse } from '@/server/queries/reports-files';

/** GET /reports/exceedances/pdf?…: the exceedances report as PDF (administrative header, charts, page numbers). Checks the session. */
export async function GET(req: Request): Promise<Response> {
  return reportPdfResponse(req, 'exceedances');
}
