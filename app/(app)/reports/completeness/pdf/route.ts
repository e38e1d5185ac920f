import { reportPdfResponse } from '@/server/queries/reports-files';

/** GET /reports/completeness/pdf?…: the completeness report as PDF (administrative header, charts, page numbers). Checks the session. */
export async function GET(req: Request): Promise<Response> {
  return reportPdfResponse(req, 'completeness');
}
