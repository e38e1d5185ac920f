import { reportExportResponse } from '@/server/queries/reports-files';

/** GET /reports/completeness/export?format=csv|xlsx&…: the completeness report's rows as a file. Checks the session. */
export async function GET(req: Request): Promise<Response> {
  return reportExportResponse(req, 'completeness');
}
