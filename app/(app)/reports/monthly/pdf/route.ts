import { reportPdfResponse } from '@/server/queries/reports-files';

/** GET /reports/monthly/pdf?…: the monthly report as PDF (administrative header, charts, page numbers). Checks the session. */
export async function GET(req: Request): Promise<Response> {
  return reportPdfResponse(req, 'monthly');
}
