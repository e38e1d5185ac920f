export * from './forwarding';
export * from './secret-box';
