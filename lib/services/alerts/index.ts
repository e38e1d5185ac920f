export * from './engine';
export * from './review';
export * from './clock-fault';
