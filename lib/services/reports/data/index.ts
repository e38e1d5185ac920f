export * from './definition';
export * from './export';
