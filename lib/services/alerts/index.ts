export * from './engine';
export * from './review';
