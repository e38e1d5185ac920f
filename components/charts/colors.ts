// Colours of the parameter charts and their legend. A plain module (no 'use client'): the station page's legend is
// a server component and may only read constants from a module like this one (a client module's export reaches the
// server as a reference, which rendered "Attempted to call LIMIT_LINE_COLOR() from the server" into the style).

export const LIMIT_LINE_COLOR = '#EA3223';
export const APPROACHING_BAND_COLOR = '#F08432';
export const VALUE_LINE_COLOR = '#0b6e4f';
export const MARK_COLORS: Record<3 | 4, string> = { 3: '#F5B700', 4: '#C0392B' };
export const PERIOD_COLORS: Record<'calibrating' | 'device_error' | 'offline' | 'overlay', string> = {
  calibrating: '#8E44AD',
  device_error: '#FF7E00',
  offline: '#999999',
  overlay: '#2C7BE5',
};
