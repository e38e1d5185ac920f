import { reportPdfResponse, startReportPdfResponse } from '@/server/queries/reports-files';

/** GET /reports/exceedances/pdf?…: the exceedances report as PDF (administrative header, charts, page numbers). Checks the session. */
export async function GET(req: Request): Promise<Response> {
  return reportPdfResponse(req, 'exceedances');
}

/** POST /reports/exceedances/pdf?…: the same PDF rendered in the background; 202 with the job to poll at /reports/pdf-jobs/<job>. */
export async function POST(req: Request): Promise<Response> {
  return startReportPdfResponse(req, 'exceedances');
}
