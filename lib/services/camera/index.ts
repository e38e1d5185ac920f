export * from './images';
export * from './pull';
export * from './retention';
export * from './settings';
export * from './store';
export { decodeImage, renderTestImage, THUMB_WIDTH } from './thumbnail';
