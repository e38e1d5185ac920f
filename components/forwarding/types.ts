import type { ForwardingStatusDto, ForwardTargetDto } from '@/lib/dto/forwarding';

/** Props of the forwarding components: the DTOs the page's query returns. */
export type TargetCard = ForwardTargetDto;
export type ReconciliationItem = ForwardingStatusDto;

export type ActionResult =
  | { ok: true; count?: number }
  | {
      ok: false;
      error: 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'VALIDATION' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL';
      details: string;
    }
  | null;
export type FormAction = (prev: ActionResult, fd: FormData) => Promise<ActionResult>;
