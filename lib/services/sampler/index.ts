export * from './commands';
export * from './ftp-files';
