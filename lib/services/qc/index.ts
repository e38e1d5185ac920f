export * from './overlays';
export * from './recompute';
export * from './settings';
export * from './views';
