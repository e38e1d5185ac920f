export * from './definition';
export * from './query';
export * from './view';
