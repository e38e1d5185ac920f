export * from './aqi';
export * from './wqi';
