/**
 * Sampler commands for dataloggers that only speak FTP (format in README "Sampler commands over FTP"): the worker keeps
 * one `<fileCode>_<id>.cmd` per open command in the facility account's `commands/` folder; downloading it marks the
 * command delivered; the logger uploads a `.result` file into the same folder to answer.
 */
import { mkdir, readdir, unlink, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { findSamplerCommand, listOpenCommandsForFiles } from '../../db/sampler-commands';
import { findStationByCode } from '../../db/stations';
import { COMMAND_FOLDER, commandFileName, formatCommandFile, parseResultFile } from '../../domain/sampler';
import { AppError } from '../../errors';
import { deliverCommand, recordResultService } from './commands';

const SAFE = /^[A-Za-z0-9_.-]+$/;
const CMD_ID = /_(\d+)\.cmd$/i;

export function commandFolder(dataDir: string, facilityCode: string): string | null {
  return SAFE.test(facilityCode) ? path.join(dataDir, 'ftp', facilityCode, COMMAND_FOLDER) : null;
}

/** Is this upload path an answer in a facility's commands/ folder? */
export function isResultUpload(ftpRoot: string, fsPath: string): boolean {
  const rel = path.relative(ftpRoot, fsPath).split(path.sep);
  return rel.length === 3 && rel[1] === COMMAND_FOLDER && /\.result$/i.test(rel[2]!);
}

/** Anything inside a facility's commands/ folder (never a data file or an image). */
export function isInCommandFolder(ftpRoot: string, fsPath: string): boolean {
  const rel = path.relative(ftpRoot, fsPath).split(path.sep);
  return rel.length >= 3 && rel[1] === COMMAND_FOLDER;
}

/** Writes the file of every open command that lacks one and removes files of commands no longer open. */
export async function syncCommandFiles(dataDir: string): Promise<{ written: number; removed: number }> {
  const open = await listOpenCommandsForFiles();
  const want = new Map<string, Map<string, string>>();
  for (const c of open) {
    const dir = commandFolder(dataDir, c.facilityCode);
    if (!dir) continue;
    const files = want.get(dir) ?? new Map<string, string>();
    files.set(
      commandFileName(c.fileCode, c.id),
      formatCommandFile({ id: c.id, station: c.stationCode, requestedAt: c.requestedAt, expiresAt: c.expiresAt, reason: c.reason }),
    );
    want.set(dir, files);
  }
  let written = 0;
  let removed = 0;
  for (const [dir, files] of want) {
    await mkdir(dir, { recursive: true });
    const present = new Set(await readdir(dir).catch(() => [] as string[]));
    for (const [name, text] of files) {
      if (present.has(name)) continue;
      const tmp = path.join(dir, `.${name}.tmp`);
      await writeFile(tmp, text);
      await rename(tmp, path.join(dir, name));
      written++;
    }
  }
  // Files of finished commands, in every facility folder (also those without open commands any more).
  const ftpRoot = path.join(dataDir, 'ftp');
  for (const facility of await readdir(ftpRoot).catch(() => [] as string[])) {
    const dir = commandFolder(dataDir, facility);
    if (!dir) continue;
    const keep = want.get(dir);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!CMD_ID.test(name) || keep?.has(name)) continue;
      await unlink(path.join(dir, name)).then(() => removed++, () => undefined);
    }
  }
  return { written, removed };
}

/** The logger downloaded `<fileCode>_<id>.cmd`: the command is delivered (when it is its facility's and still queued). */
export async function commandFileRead(facilityId: number, fileName: string, actorName: string, now = new Date()): Promise<boolean> {
  const m = CMD_ID.exec(fileName);
  if (!m) return false;
  const c = await findSamplerCommand(Number(m[1]));
  if (!c) return false;
  const station = await findStationByCode(c.stationCode);
  if (!station || station.facility.id !== facilityId) return false;
  return (await deliverCommand(c.id, 'ftp', actorName, now)) !== null;
}

export type ResultFileOutcome = { ok: true; commandId: number; state: string } | { ok: false; problem: string };

/** A `.result` file uploaded by the logger of `facilityId`: parsed and recorded like the HTTP answer. */
export async function handleResultFile(facilityId: number, bytes: Buffer, actorName: string, now = new Date()): Promise<ResultFileOutcome> {
  const parsed = parseResultFile(bytes.toString('utf8'));
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const r = parsed.value;
  const c = await findSamplerCommand(r.id);
  const station = c ? await findStationByCode(c.stationCode) : null;
  if (!c || !station || station.facility.id !== facilityId) return { ok: false, problem: `command ${r.id} not found` };
  try {
    const moved = await recordResultService(
      { id: station.id, code: station.code, facilityId: station.facility.id },
      r.id,
      { role: 'facility', facilityId, actorName },
      { status: r.status, bottle: r.bottle, sampledAt: r.sampledAt, note: r.note },
      now,
    );
    return { ok: true, commandId: moved.id, state: moved.state };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, problem: e.message };
    throw e;
  }
}
