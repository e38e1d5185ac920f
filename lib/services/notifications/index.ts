export * from './mailer';
export * from './message';
export * from './notifications';
export * from './webhook';
export * from './webhook-allow';
