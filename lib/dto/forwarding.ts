/**
 * Forwarding DTOs: what the forwarding page, its components and the API exchange. Targets never carry their password;
 * times are ISO with +07:00. Types only, shared by server/ (which builds them) and components/ (which shows them).
 */
export type ForwardTargetDto = {
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
    nextTryAt: string | null;
  };
  createdAt: string;
  updatedAt: string;
};

export type ForwardingStatusDto = {
  station: string;
  day: string;
  received: number;
  forwarded: number;
  pending: number;
  failed: number;
  notQueued: number;
};
