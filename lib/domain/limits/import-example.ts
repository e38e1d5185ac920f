/**
 * Downloadable examples of the import format shown on the admin limits page. The code is deliberately not a real
 * standard's: an admin copies the layout and enters the published values, the example never passes for law.
 */
import { LIMIT_CSV_COLUMNS } from './import';

const ROWS: readonly (readonly string[])[] = [
  ['VD-QCVN40:2025', '2025', '2025-09-01', '', 'wastewater', 'A', 'PH', '6', '9', '24h', 'false', 'Ví dụ định dạng – nước thải công nghiệp'],
  ['VD-QCVN40:2025', '2025', '2025-09-01', '', 'wastewater', 'A', 'COD', '', '75', '24h', 'true', 'Ví dụ định dạng – nước thải công nghiệp'],
  ['VD-QCVN40:2025', '2025', '2025-09-01', '', 'wastewater', 'B', 'COD', '', '150', '24h', 'true', 'Ví dụ định dạng – nước thải công nghiệp'],
  ['VD-QCVN40:2025', '2025', '2025-09-01', '', 'wastewater', 'A', 'TSS', '', '50', '24h', 'true', 'Ví dụ định dạng – nước thải công nghiệp'],
];

export const LIMIT_IMPORT_EXAMPLE_CSV = [[...LIMIT_CSV_COLUMNS, 'name'].join(','), ...ROWS.map((r) => r.join(','))].join('\n') + '\n';

export const LIMIT_IMPORT_EXAMPLE_JSON =
  JSON.stringify(
    {
      code: 'VD-QCVN40:2025',
      name: 'Ví dụ định dạng – nước thải công nghiệp',
      version: '2025',
      effectiveFrom: '2025-09-01',
      kind: 'wastewater',
      values: [
        { column: 'A', parameter: 'PH', min: 6, max: 9, averaging: '24h', applyCoefficients: false },
        { column: 'A', parameter: 'COD', max: 75, averaging: '24h', applyCoefficients: true },
        { column: 'B', parameter: 'COD', max: 150, averaging: '24h', applyCoefficients: true },
        { column: 'A', parameter: 'TSS', max: 50, averaging: '24h', applyCoefficients: true },
      ],
    },
    null,
    2,
  ) + '\n';
