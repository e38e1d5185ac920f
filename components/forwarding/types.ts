/** Props of the forwarding components (the page's query returns objects of these shapes). */
export type TargetCard = {
  id: number;
  name: string;
  protocol: 'ftp' | 'ftps';
  host: string;
  port: number;
  username: string;
  rootFolder: string;
  pathTemplate: string;
  enabled: boolean;
  health: {
    lastSuccessAt: string | null;
    lastError: string | null;
    lastErrorAt: string | null;
    queueDepth: number;
    pending: number;
    failed: number;
    oldestPendingAt: string | null;
    oldestPendingAgeSeconds: number | null;
  };
};

export type ReconciliationItem = { station: string; day: string; received: number; forwarded: number; pending: number; failed: number; notQueued: number };

export type ActionResult = { ok: true; count?: number } | { ok: false; error: 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'VALIDATION' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL'; details: string } | null;
export type FormAction = (prev: ActionResult, fd: FormData) => Promise<ActionResult>;
