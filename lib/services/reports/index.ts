export * from './data-export';
export * from './kpi-month';
export * from './kpi-station-month';
export * from './kpi';
export * from './monthly-mail';
export * from './pdf';
export * from './report-exports';
