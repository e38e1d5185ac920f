import { describe, expect, test } from 'vitest';
import { DEFAULT_STATE_COLORS, STATION_STATES } from '@/lib/domain/stations/states';
import { shapeCss, shapeStyle, STATE_SHAPES, textOn } from './marker-look';

describe('state markers', () => {
  test('every state has its own shape, so no two states look alike whatever their colours', () => {
    const shapes = STATION_STATES.map((s) => STATE_SHAPES[s]);
    expect(new Set(shapes).size).toBe(STATION_STATES.length);
  });
  test('approaching and device error (close oranges) differ in shape', () => {
    expect(STATE_SHAPES.approaching).not.toBe(STATE_SHAPES.device_error);
  });
  test.each(STATION_STATES.map((s) => ({ state: s })))('$state: filled with its colour', ({ state }) => {
    const fill = DEFAULT_STATE_COLORS[state];
    expect(shapeStyle(STATE_SHAPES[state], fill).background).toBe(fill);
    expect(shapeCss(STATE_SHAPES[state], fill)).toContain(`background:${fill}`);
  });
  test('inline CSS uses kebab-case properties', () => {
    expect(shapeCss('triangle', '#F08432')).toBe('background:#F08432;clip-path:polygon(50% 0, 100% 100%, 0 100%)');
  });
});

describe('textOn', () => {
  test.each([
    { label: 'AQI yellow band → dark text', fill: '#FFFF00', want: '#1b2430' },
    { label: 'AQI green band → dark text', fill: '#00E400', want: '#1b2430' },
    { label: 'AQI red band → white text', fill: '#FF0000', want: '#ffffff' },
    { label: 'AQI purple band → white text', fill: '#8F3F97', want: '#ffffff' },
    { label: 'AQI maroon band → white text', fill: '#7E0023', want: '#ffffff' },
    { label: 'not a colour → white', fill: 'red', want: '#ffffff' },
  ])('$label', ({ fill, want }) => {
    expect(textOn(fill)).toBe(want);
  });
});
