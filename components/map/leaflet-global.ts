import L from 'leaflet';

// leaflet.markercluster extends the global `L`; Leaflet's ESM build does not set it, so expose it before that import.
const w = globalThis as unknown as { L?: typeof L };
w.L ??= L;

export default L;
