import { parseFileName } from './file-name';
import { renderIngestReason } from './ingest/reasons';

/**
 * Where a forwarded file goes on the ministry's FTP (DOMAIN.md §10). The template's placeholders are filled from the
 * file name alone: its province, its file code `<FACILITY>_<STATION>` (facility = the first part, station = the rest)
 * and its time, whose digits are already local time, so yyyy/MM/dd are the local date.
 */
export const DEFAULT_PATH_TEMPLATE = '{root}/{province}/{facility}_{station}/{yyyy}/{MM}/{dd}/{file}';
export const PATH_PLACEHOLDERS = ['root', 'province', 'facility', 'station', 'fileCode', 'yyyy', 'MM', 'dd', 'file'] as const;
export type PathPlaceholder = (typeof PATH_PLACEHOLDERS)[number];

const PLACEHOLDER_RE = /\{([A-Za-z]+)\}/g;

/** Null when the template is usable; else why not: unknown placeholder, no {file}, `..`, backslash or control chars. */
export function pathTemplateProblem(template: string): string | null {
  if (template.trim() === '') return 'the template is empty';
  if (template.length > 500) return 'the template is longer than 500 characters';
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    if (!(PATH_PLACEHOLDERS as readonly string[]).includes(m[1]!)) return `unknown placeholder {${m[1]}}`;
  }
  if (!template.includes('{file}')) return 'the template must contain {file}';
  if (!template.trimEnd().endsWith('{file}')) return 'the template must end with {file}';
  if (/[\\\u0000-\u001f\u007f]/.test(template)) return 'backslashes and control characters are not allowed';
  if (template.split('/').some((seg) => seg === '..' || seg === '.')) return "'.' and '..' segments are not allowed";
  return null;
}

/** Null when the root folder is usable (absolute or relative, no `..`, no backslash or control chars). */
export function rootFolderProblem(root: string): string | null {
  if (root.length > 300) return 'the root folder is longer than 300 characters';
  if (/[\\\u0000-\u001f\u007f]/.test(root)) return 'backslashes and control characters are not allowed';
  if (root.split('/').some((seg) => seg === '..')) return "'..' segments are not allowed";
  return null;
}

export type ForwardPathResult = { ok: true; path: string; dir: string; file: string } | { ok: false; reason: string };

/** Collapses repeated slashes and drops `.` segments; keeps a leading slash when the result starts with one. */
function normalise(p: string): string {
  const absolute = p.startsWith('/');
  const segs = p.split('/').filter((s) => s !== '' && s !== '.');
  return (absolute ? '/' : '') + segs.join('/');
}

/**
 * The remote path of `fileName` under `template` and `root`. Every value comes from a validated file name, so it holds
 * no `/` or `..`; a name that does not parse yields a reason instead of a path.
 */
export function renderForwardPath(template: string, root: string, fileName: string): ForwardPathResult {
  const problem = pathTemplateProblem(template) ?? rootFolderProblem(root);
  if (problem) return { ok: false, reason: problem };
  const parsed = parseFileName(fileName);
  if (!parsed.ok) return { ok: false, reason: renderIngestReason(parsed.reason) };
  const { province, fileCode, timeText } = parsed.value;
  const cut = fileCode.indexOf('_');
  const values: Record<PathPlaceholder, string> = {
    root: root.trim() === '' ? '/' : root.trim(),
    province: province.toUpperCase(),
    facility: cut < 0 ? fileCode : fileCode.slice(0, cut),
    station: cut < 0 ? '' : fileCode.slice(cut + 1),
    fileCode,
    yyyy: timeText.slice(0, 4),
    MM: timeText.slice(4, 6),
    dd: timeText.slice(6, 8),
    file: fileName,
  };
  const filled = template.trim().replace(PLACEHOLDER_RE, (_, k: string) => values[k as PathPlaceholder]);
  const full = normalise(filled);
  const slash = full.lastIndexOf('/');
  const dir = slash < 0 ? '' : slash === 0 ? '/' : full.slice(0, slash);
  return { ok: true, path: full, dir, file: full.slice(slash + 1) };
}
