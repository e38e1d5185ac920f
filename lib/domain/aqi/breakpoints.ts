/**
 * VN_AQI breakpoints of Decision 1459/QĐ-TCMT (2019), DOMAIN.md §9. Concentrations in µg/m³ (CO too).
 * Row i of every table pairs with AQI_LEVELS[i]; `null` means the table stops there (O3 8 h ends at 300 → 400 µg/m³).
 */
export const AQI_POLLUTANTS = ['PM25', 'PM10', 'O3', 'CO', 'SO2', 'NO2'] as const;
export type AqiPollutant = (typeof AQI_POLLUTANTS)[number];

export const AQI_LEVELS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

export const AQI_BREAKPOINTS = {
  O3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  O3_8h: [0, 100, 120, 170, 210, 400, null, null],
  CO: [0, 10000, 30000, 45000, 60000, 90000, 120000, 150000],
  SO2: [0, 125, 350, 550, 800, 1600, 2100, 2630],
  NO2: [0, 100, 200, 700, 1200, 2350, 3100, 3850],
  PM10: [0, 50, 150, 250, 350, 420, 500, 600],
  PM25: [0, 25, 50, 80, 150, 250, 350, 500],
} as const;

export type AqiTable = keyof typeof AQI_BREAKPOINTS;

/** The AQI scale's ceiling: any concentration above a table's top breakpoint is reported as this. */
export const AQI_MAX = 500;
