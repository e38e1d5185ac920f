/** A background report PDF render as the page sees it (lib/services/reports/render-queue.ts). */
export type RenderStage = 'queued' | 'starting' | 'loading' | 'printing' | 'done' | 'failed';
export type RenderFailure = { kind: 'chromium' | 'failed'; message: string };
export type RenderJobView = {
  id: string;
  report: string;
  stage: RenderStage;
  /** 0–100. */
  progress: number;
  error: RenderFailure | null;
  /** Place in the queue (1 = next), 0 when not waiting. */
  position: number;
  fileName: string | null;
  bytes: number | null;
  seconds: number | null;
};
