import type { z } from 'zod';
import { FILE_CONTENT_TYPES, tableToFile, type FileFormat, type FileTable } from '../../formats/table';
import type { ViewerScope } from '../stations';

/**
 * The shared report contract. A report lives in its own folder (completeness/, exceedances/, monthly/, data/) and
 * implements a ReportDefinition: (a) a query — its form read from the URL, validated params (zod) and a load in the
 * caller's scope; (b) a view model for the screen and the print page; (c) its files (CSV, XLSX; the PDF is the print
 * page rendered by Chromium). Pages, print pages, file and PDF routes and the monthly e-mail all go through it.
 */
export type ReportLocale = 'vi' | 'en';
export type SearchParams = Record<string, string | string[] | undefined>;

/** Who asks, when, and in which language: every report is loaded in the caller's scope. */
export type ReportContext = {
  scope: ViewerScope;
  now: Date;
  /** KPI flag threshold (KPI_THRESHOLD). */
  threshold: number;
  locale: ReportLocale;
  /** Written to the audit log by exports that record who took what, e.g. "user:a@b.vn". */
  actor: string;
};

/** What a form needs beyond the URL: the clock for default ranges and the station codes the caller may choose. */
export type FormContext = { now: Date; stations: readonly string[] };

/**
 * The report's form as read from the URL: the values to show back in the form, the fields that were invalid (shown
 * as such; defaults were used instead), the canonical query string (print, PDF and file links) and the params input.
 */
export type ReportForm<Values> = { values: Values; invalid: string[]; query: string; input: unknown };

export type ReportFile = {
  contentType: string;
  body: Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
};

export type ReportExports<Values, Data> = {
  formats: readonly FileFormat[];
  /** Download name without extension (ASCII: it goes into a Content-Disposition header). */
  fileName(values: Values): string;
  file(data: Data, format: FileFormat, ctx: ReportContext): Promise<ReportFile>;
};

export type ReportDefinition<Params, Values, Data, View> = {
  id: string;
  readForm(sp: SearchParams, form: FormContext): ReportForm<Values>;
  /** Parsed once, by open(): load receives its output and does not parse again. */
  params: z.ZodType<Params>;
  load(params: Params, ctx: ReportContext): Promise<Data>;
  view(data: Data, ctx: ReportContext): View;
  exports: ReportExports<Values, Data> | null;
  /** The print route /reports/<id>/print, also rendered to PDF; null when the report has none. */
  pdf: { landscape: boolean } | null;
};

/** A report opened for one request: its view model and its files, over the same loaded data. */
export type OpenedReport<View> = { view: View; file(format: FileFormat): Promise<ReportFile> };

export type ReportRequest<Values, View> = ReportForm<Values> & {
  /** Download name of its files, without extension. */
  fileName: string;
  /** Validates the params and loads the data: throws ZodError or AppError (NOT_FOUND: a subject out of scope). */
  open(ctx: ReportContext): Promise<OpenedReport<View>>;
};

/** A definition with its params and data types closed over, so one generic route or page can serve any report. */
export type Report<Values, View> = {
  id: string;
  formats: readonly FileFormat[];
  pdf: { landscape: boolean } | null;
  read(sp: SearchParams, form: FormContext): ReportRequest<Values, View>;
};

export function defineReport<Params, Values, Data, View>(def: ReportDefinition<Params, Values, Data, View>): Report<Values, View> {
  const exp = def.exports;
  return {
    id: def.id,
    formats: exp?.formats ?? [],
    pdf: def.pdf,
    read(sp, form) {
      const f = def.readForm(sp, form);
      return {
        ...f,
        fileName: exp?.fileName(f.values) ?? def.id,
        async open(ctx) {
          const data = await def.load(def.params.parse(f.input), ctx);
          return {
            view: def.view(data, ctx),
            file: async (format) => {
              if (!exp || !exp.formats.includes(format)) throw new Error(`report ${def.id} has no ${format} file`);
              return exp.file(data, format, ctx);
            },
          };
        },
      };
    },
  };
}

/** Exports of a report whose rows fit in memory: one table, written whole as CSV or XLSX. */
export function tableExports<Values, Data>(
  table: (data: Data, locale: ReportLocale) => FileTable,
  fileName: (values: Values) => string,
): ReportExports<Values, Data> {
  return {
    formats: ['csv', 'xlsx'],
    fileName,
    file: async (data, format, ctx) => ({
      contentType: FILE_CONTENT_TYPES[format],
      body: await tableToFile(table(data, ctx.locale), format),
    }),
  };
}

/** First value of a search parameter, trimmed. */
export function searchParam(sp: SearchParams, name: string): string {
  const v = sp[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

/** dd/MM/yyyy → ddMMyyyy, for file names. */
export const compactDay = (s: string) => s.replace(/\//g, '');

/** A file's bytes, whether written whole or streamed (e-mail attachments). */
export async function fileBytes(file: ReportFile): Promise<Buffer> {
  return file.body instanceof Uint8Array ? Buffer.from(file.body) : Buffer.from(await new Response(file.body).arrayBuffer());
}
