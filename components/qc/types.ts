/** Result of a QC form action (the server actions in server/actions/qc.ts return this shape). */
export type QcFormState = { ok: boolean; error: string | null; message?: string; at?: number };
export type QcFormAction = (prev: QcFormState, form: FormData) => Promise<QcFormState>;
