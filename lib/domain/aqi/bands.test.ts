import { describe, expect, it } from 'vitest';
import { AQI_BANDS, findAqiBand } from './bands';

describe('findAqiBand: integer bands 0–50, 51–100, …, 301–500; above 500 still hazardous', () => {
  it.each([
    ['0', 0, 'good', 'Tốt', '#00E400'],
    ['50 (top of Tốt)', 50, 'good', 'Tốt', '#00E400'],
    ['50.4 rounds to 50', 50.4, 'good', 'Tốt', '#00E400'],
    ['50.5 rounds to 51', 50.5, 'moderate', 'Trung bình', '#FFFF00'],
    ['51', 51, 'moderate', 'Trung bình', '#FFFF00'],
    ['100', 100, 'moderate', 'Trung bình', '#FFFF00'],
    ['101', 101, 'poor', 'Kém', '#FF7E00'],
    ['150', 150, 'poor', 'Kém', '#FF7E00'],
    ['151', 151, 'bad', 'Xấu', '#FF0000'],
    ['200', 200, 'bad', 'Xấu', '#FF0000'],
    ['201', 201, 'very_bad', 'Rất xấu', '#8F3F97'],
    ['300', 300, 'very_bad', 'Rất xấu', '#8F3F97'],
    ['301', 301, 'hazardous', 'Nguy hại', '#7E0023'],
    ['500', 500, 'hazardous', 'Nguy hại', '#7E0023'],
    ['above 500', 700, 'hazardous', 'Nguy hại', '#7E0023'],
  ] as const)('%s → %s', (_label, aqi, category, nameVi, color) => {
    const band = findAqiBand(aqi);
    expect(band?.category).toBe(category);
    expect(band?.nameVi).toBe(nameVi);
    expect(band?.color).toBe(color);
  });

  it.each([
    ['negative', -1],
    ['NaN', Number.NaN],
  ])('%s → null', (_label, aqi) => {
    expect(findAqiBand(aqi)).toBeNull();
  });

  it('bands are contiguous over the integers, each with names and advice in both languages', () => {
    AQI_BANDS.forEach((b, i) => {
      expect(b.min).toBe(i === 0 ? 0 : (AQI_BANDS[i - 1]?.max ?? Number.NaN) + 1);
      expect([b.nameVi, b.nameEn, b.adviceVi, b.adviceEn].every((t) => t.length > 0)).toBe(true);
    });
    expect(AQI_BANDS.map((b) => b.nameEn)).toEqual(['Good', 'Moderate', 'Poor', 'Bad', 'Very bad', 'Hazardous']);
  });
});
