'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { detectLimitImportFormat, LIMIT_AVERAGINGS, LIMIT_IMPORT_ERROR_CODES, type LimitImportError } from '@/lib/domain/limits';

const IMPORT_CODES = new Set<string>(LIMIT_IMPORT_ERROR_CODES);
import { isAppError } from '@/lib/errors';
import { cancelMaintenanceWindow, createMaintenanceWindow } from '@/lib/services/alerts';
import { importLimitStandards, previewLimitImport, type LimitImportPreview } from '@/lib/services/limits';
import { createPermitLimit, endPermitLimit, removeStationLimitBinding, setStationLimitBinding } from '@/lib/services/stations';
import { formAction, issuesText, text, toFormFailure, type FormFailure } from './form';

/**
 * Admin mutations of limits (standards import, station bindings, permit limits) and maintenance windows. Each one:
 * authorise (admin) → zod on the form → one service call → map errors → revalidate.
 */
export type LimitsAdminResult =
  | { ok: true; message?: string; count?: number }
  | FormFailure
  | null;

export type LimitImportResult =
  | { ok: true; mode: 'preview'; fileName: string; preview: LimitImportPreview }
  | { ok: true; mode: 'saved'; fileName: string; imported: { code: string; version: string; values: number }[] }
  | (FormFailure & { errors: LimitImportError[] })
  | null;

function toError(e: unknown): FormFailure {
  return toFormFailure(e, 'limits admin action', (a) => {
    const issues = issuesText(a);
    return issues ? `${a.message} (${issues})` : a.message;
  });
}

const actorOf = (u: { email: string }) => `user:${u.email}`;

/** A number typed the Vietnamese way ("0,9") or the English way ("0.9"); empty = absent. */
const decimal = z
  .string()
  .trim()
  .regex(/^[+-]?\d+([.,]\d+)?$/, 'expected a number such as 0,9')
  .transform((s) => Number(s.replace(',', '.')))
  .optional();

// Below Next's 1 MB server action body limit; a standard's table is a few kilobytes.
const MAX_FILE_BYTES = 900_000;

const uploadSchema = z.object({
  file: z
    .instanceof(File, { message: 'choose a .csv or .json file' })
    .refine((f) => f.size > 0, 'the file is empty')
    .refine((f) => f.size <= MAX_FILE_BYTES, 'the file is larger than 900 kB'),
  format: z.enum(['auto', 'csv', 'json']).default('auto'),
});

async function readUpload(fd: FormData): Promise<{ fileName: string; format: 'csv' | 'json'; content: string }> {
  const u = uploadSchema.parse({ file: fd.get('file'), format: text(fd, 'format') });
  const content = await u.file.text();
  return { fileName: u.file.name, format: u.format === 'auto' ? detectLimitImportFormat(u.file.name, content) : u.format, content };
}

/** Admin: parses and validates an uploaded standard file and reports every row problem; stores nothing. */
export const previewLimitImportAction = formAction<LimitImportResult>(
  ['admin'],
  (e) => ({ ...toError(e), errors: [] }),
  async (_user, fd) => {
    const upload = await readUpload(fd);
    const preview = await previewLimitImport({ format: upload.format, content: upload.content });
    return { ok: true, mode: 'preview', fileName: upload.fileName, preview };
  },
);

/** The failure of an import with each row problem the service reported (line, path, message, and code when known). */
function importFailure(e: unknown): LimitImportResult {
  const errors: LimitImportError[] =
    isAppError(e) && Array.isArray(e.details)
      ? (e.details as { path?: unknown; message?: unknown; code?: unknown; params?: unknown }[]).map((d): LimitImportError => {
          const path = String(d.path ?? '');
          const line = /^line (\d+)$/.exec(path);
          const at = { line: line ? Number(line[1]) : null, path: line ? '' : path, message: String(d.message ?? '') };
          // The service passes the parser's code and parameters on, so the form can show the problem in its language.
          return typeof d.code === 'string' && IMPORT_CODES.has(d.code) && typeof d.params === 'object' && d.params !== null
            ? ({ ...at, code: d.code, params: d.params } as LimitImportError)
            : at;
        })
      : [];
  return { ...toError(e), errors };
}

/** Admin: stores the standard versions of an uploaded file (all or nothing, audited). */
export const importLimitStandardsAction = formAction<LimitImportResult>(['admin'], importFailure, async (user, fd) => {
  const upload = await readUpload(fd);
  const r = await importLimitStandards({ format: upload.format, content: upload.content, actor: actorOf(user) });
  revalidatePath('/admin/limits');
  return { ok: true, mode: 'saved', fileName: upload.fileName, imported: r.imported };
});

const bindingForm = z.object({
  stationCode: z.string().min(1).max(64),
  standardCode: z.string().min(1).max(40),
  column: z.string().min(1).max(20),
  kq: decimal,
  kf: decimal,
  kp: decimal,
  kv: decimal,
  o2Ref: decimal,
});

function revalidateStation(code: string): void {
  revalidatePath(`/admin/limits/stations/${encodeURIComponent(code)}`);
  revalidatePath('/admin/limits');
}

/** Admin: binds a station to a standard's column with its coefficients (replaces that standard's binding). */
export const setStationBindingAction = formAction<LimitsAdminResult>(['admin'], toError, async (user, fd) => {
  const f = bindingForm.parse({
    stationCode: text(fd, 'stationCode'),
    standardCode: text(fd, 'standardCode'),
    column: text(fd, 'column'),
    kq: text(fd, 'kq'),
    kf: text(fd, 'kf'),
    kp: text(fd, 'kp'),
    kv: text(fd, 'kv'),
    o2Ref: text(fd, 'o2Ref'),
  });
  const coefficients = Object.fromEntries(
    (['kq', 'kf', 'kp', 'kv', 'o2Ref'] as const).flatMap((k) => (f[k] !== undefined ? [[k, f[k]]] : [])),
  );
  await setStationLimitBinding({ stationCode: f.stationCode, standardCode: f.standardCode, column: f.column, coefficients, actor: actorOf(user) });
  revalidateStation(f.stationCode);
  return { ok: true };
});

const removeBindingForm = z.object({ stationCode: z.string().min(1).max(64), standardCode: z.string().min(1).max(40) });

/** Admin: removes a station's binding to a standard. */
export const removeStationBindingAction = formAction<LimitsAdminResult>(['admin'], toError, async (user, fd) => {
  const f = removeBindingForm.parse({ stationCode: text(fd, 'stationCode'), standardCode: text(fd, 'standardCode') });
  await removeStationLimitBinding({ ...f, actor: actorOf(user) });
  revalidateStation(f.stationCode);
  return { ok: true };
});

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date');

const permitForm = z.object({
  facilityCode: z.string().min(1).max(64),
  stationCode: z.string().min(1).max(64),
  scope: z.enum(['station', 'facility']),
  parameter: z.string().min(1).max(32),
  min: decimal,
  max: decimal,
  averaging: z.enum(LIMIT_AVERAGINGS),
  effectiveFrom: DAY,
  effectiveTo: DAY.optional(),
  note: z.string().max(500).optional(),
});

/** Admin: adds a permit limit of the station's facility, for this station or the whole facility. */
export const createPermitLimitAction = formAction<LimitsAdminResult>(['admin'], toError, async (user, fd) => {
  const f = permitForm.parse({
    facilityCode: text(fd, 'facilityCode'),
    stationCode: text(fd, 'stationCode'),
    scope: text(fd, 'scope'),
    parameter: text(fd, 'parameter'),
    min: text(fd, 'min'),
    max: text(fd, 'max'),
    averaging: text(fd, 'averaging'),
    effectiveFrom: text(fd, 'effectiveFrom'),
    effectiveTo: text(fd, 'effectiveTo'),
    note: text(fd, 'note'),
  });
  await createPermitLimit({
    facilityCode: f.facilityCode,
    ...(f.scope === 'station' ? { stationCode: f.stationCode } : {}),
    parameter: f.parameter,
    ...(f.min !== undefined ? { min: f.min } : {}),
    ...(f.max !== undefined ? { max: f.max } : {}),
    averaging: f.averaging,
    effectiveFrom: f.effectiveFrom,
    ...(f.effectiveTo ? { effectiveTo: f.effectiveTo } : {}),
    ...(f.note ? { note: f.note } : {}),
    actor: actorOf(user),
  });
  revalidateStation(f.stationCode);
  return { ok: true };
});

const endPermitForm = z.object({ id: z.coerce.number().int().positive(), effectiveTo: DAY, stationCode: z.string().min(1).max(64) });

/** Admin: ends a permit limit on a date (the row stays for the record). */
export const endPermitLimitAction = formAction<LimitsAdminResult>(['admin'], toError, async (user, fd) => {
  const f = endPermitForm.parse({ id: text(fd, 'id'), effectiveTo: text(fd, 'effectiveTo'), stationCode: text(fd, 'stationCode') });
  await endPermitLimit({ id: f.id, effectiveTo: f.effectiveTo, actor: actorOf(user) });
  revalidateStation(f.stationCode);
  return { ok: true };
});

/** A `datetime-local` value (no offset): Vietnam local time, as on screen. */
const LOCAL_TIME = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'expected a date and time');

const maintenanceForm = z.object({
  stationCode: z.string().min(1).max(64),
  scope: z.enum(['all', 'some']),
  parameters: z.array(z.string().min(1).max(32)).max(64),
  from: LOCAL_TIME,
  to: LOCAL_TIME,
  reason: z.string().min(1).max(500),
});

/** Admin: declares a maintenance window; alerts raised inside it are stored suppressed by the alert engine. */
export const createMaintenanceWindowAction = formAction<LimitsAdminResult>(['admin'], toError, async (user, fd) => {
  const f = maintenanceForm.parse({
    stationCode: text(fd, 'stationCode'),
    scope: text(fd, 'scope') ?? 'all',
    parameters: fd.getAll('parameters').filter((v): v is string => typeof v === 'string' && v !== ''),
    from: text(fd, 'from'),
    to: text(fd, 'to'),
    reason: text(fd, 'reason'),
  });
  if (f.scope === 'some' && f.parameters.length === 0) {
    return { ok: false, error: 'VALIDATION', details: 'parameters: choose at least one parameter, or the whole station' };
  }
  await createMaintenanceWindow({
    stationCode: f.stationCode,
    parameters: f.scope === 'all' ? [] : f.parameters,
    from: f.from,
    to: f.to,
    reason: f.reason,
    actor: actorOf(user),
  });
  revalidatePath('/admin/maintenance');
  return { ok: true };
});

const cancelForm = z.object({ id: z.coerce.number().int().positive() });

/** Admin: cancels a maintenance window (kept and marked cancelled). */
export const cancelMaintenanceWindowAction = formAction<LimitsAdminResult>(['admin'], toError, async (user, fd) => {
  const f = cancelForm.parse({ id: text(fd, 'id') });
  await cancelMaintenanceWindow({ id: f.id, actor: actorOf(user) });
  revalidatePath('/admin/maintenance');
  return { ok: true };
});
