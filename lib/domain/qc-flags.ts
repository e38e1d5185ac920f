/**
 * QC flags on the QARTOD scale (DOMAIN.md §4), stored as smallint codes. The API speaks the names.
 * A reading is valid when its device status is `00` and its flag is good or suspect (overlays come later).
 */
export const QC_FLAGS = { good: 1, not_evaluated: 2, suspect: 3, fail: 4, missing: 9 } as const;

export type QcFlagName = keyof typeof QC_FLAGS;
export type QcFlagCode = (typeof QC_FLAGS)[QcFlagName];

export const QC_FLAG_NAMES = Object.keys(QC_FLAGS) as QcFlagName[];

const BY_CODE = new Map<number, QcFlagName>(QC_FLAG_NAMES.map((name) => [QC_FLAGS[name], name]));

/** Name of a stored code; unknown codes read as `not_evaluated` rather than failing a whole response. */
export function qcFlagName(code: number): QcFlagName {
  return BY_CODE.get(code) ?? 'not_evaluated';
}

export function qcFlagCode(name: QcFlagName): QcFlagCode {
  return QC_FLAGS[name];
}

export function isQcFlagName(v: string): v is QcFlagName {
  return Object.hasOwn(QC_FLAGS, v);
}

/** How bad a flag is when several tests disagree: fail > suspect > good > not_evaluated > missing (DOMAIN.md §4). */
export const QC_FLAG_SEVERITY: Readonly<Record<QcFlagName, number>> = { missing: 0, not_evaluated: 1, good: 2, suspect: 3, fail: 4 };

export function worstQcFlag(flags: readonly QcFlagName[]): QcFlagName {
  return flags.reduce<QcFlagName>((worst, f) => (QC_FLAG_SEVERITY[f] > QC_FLAG_SEVERITY[worst] ? f : worst), 'missing');
}

export const DEVICE_STATUSES = ['00', '01', '02', '03'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** Valid = measuring (`00`) and flagged good or suspect. */
export function isValidReading(deviceStatus: string, qcFlag: number): boolean {
  return deviceStatus === '00' && (qcFlag === QC_FLAGS.good || qcFlag === QC_FLAGS.suspect);
}
