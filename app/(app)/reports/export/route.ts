import { reportExportResponse } from '@/server/queries/reports-files';

/**
 * GET /reports/export?stations=A,B&parameters=COD,PH&resolution=raw|1h|24h&format=csv|xlsx&from=dd/MM/yyyy&to=dd/MM/yyyy
 * (both days inclusive): the data export, streamed; `X-Estimated-Rows` lets the page show progress. Checks the session.
 */
export async function GET(req: Request): Promise<Response> {
  return reportExportResponse(req, 'data');
}
