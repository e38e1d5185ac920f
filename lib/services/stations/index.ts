export * from './access';
export * from './admin';
export * from './create';
export * from './limits';
export * from './series';
export * from './state';
