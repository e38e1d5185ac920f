export * from './mailer';
export * from './message';
export * from './notifications';
export * from './webhook';
