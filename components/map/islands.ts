/**
 * Vietnam's two offshore archipelagos, drawn on the offline basemap with their Vietnamese names (Natural Earth's
 * admin-1 polygons leave them out). Approximate positions of the main islands, degrees WGS 84.
 */
export type Archipelago = { key: 'hoangSa' | 'truongSa'; label: [number, number]; islands: [number, number][] };

export const ARCHIPELAGOS: readonly Archipelago[] = [
  {
    key: 'hoangSa',
    label: [16.45, 111.9],
    islands: [
      [16.83, 112.34], // Phú Lâm
      [16.53, 111.61], // Hoàng Sa
      [16.67, 112.73], // Linh Côn
      [15.78, 111.2], // Tri Tôn
      [16.45, 111.7], // Quang Ảnh
      [16.55, 111.77], // Hữu Nhật
      [16.97, 112.27], // Cây
    ],
  },
  {
    key: 'truongSa',
    label: [10.0, 113.6],
    islands: [
      [8.64, 111.92], // Trường Sa
      [10.38, 114.36], // Ba Bình
      [11.05, 114.28], // Thị Tứ
      [11.43, 114.33], // Song Tử Tây
      [9.88, 114.33], // Sinh Tồn
      [10.18, 114.36], // Nam Yết
      [7.87, 112.92], // An Bang
      [10.67, 114.42], // Sơn Ca
    ],
  },
];
