import { reportExportResponse } from '@/server/queries/reports-files';

/** GET /reports/exceedances/export?format=csv|xlsx&…: the exceedances report's rows as a file. Checks the session. */
export async function GET(req: Request): Promise<Response> {
  return reportExportResponse(req, 'exceedances');
}
