export * from './forecast';
export * from './trend-alerts';
