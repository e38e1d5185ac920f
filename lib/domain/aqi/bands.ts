import { roundHalfUp } from './rounding';

/**
 * VN_AQI bands (Decision 1459/QĐ-TCMT, DOMAIN.md §9) with API category codes and short health advice.
 * Bands cover integer AQI values: 0–50, 51–100, …, 301–500; anything above 500 is still `hazardous`.
 */
export const AQI_CATEGORIES = ['good', 'moderate', 'poor', 'bad', 'very_bad', 'hazardous'] as const;
export type AqiCategory = (typeof AQI_CATEGORIES)[number];

export type AqiBand = {
  category: AqiCategory;
  min: number;
  max: number;
  nameVi: string;
  nameEn: string;
  color: string;
  adviceVi: string;
  adviceEn: string;
};

export const AQI_BANDS = [
  {
    category: 'good',
    min: 0,
    max: 50,
    nameVi: 'Tốt',
    nameEn: 'Good',
    color: '#00E400',
    adviceVi: 'Chất lượng không khí tốt. Mọi người có thể hoạt động ngoài trời bình thường.',
    adviceEn: 'Air quality is good. Everyone can be active outdoors as usual.',
  },
  {
    category: 'moderate',
    min: 51,
    max: 100,
    nameVi: 'Trung bình',
    nameEn: 'Moderate',
    color: '#FFFF00',
    adviceVi:
      'Chấp nhận được. Người nhạy cảm (người già, trẻ em, người có bệnh hô hấp, tim mạch) nên hạn chế thời gian ở ngoài trời.',
    adviceEn:
      'Acceptable. Sensitive people (elderly, children, people with respiratory or heart disease) should limit time outdoors.',
  },
  {
    category: 'poor',
    min: 101,
    max: 150,
    nameVi: 'Kém',
    nameEn: 'Poor',
    color: '#FF7E00',
    adviceVi:
      'Người nhạy cảm có thể gặp vấn đề sức khỏe và nên giảm hoạt động ngoài trời; người bình thường ít bị ảnh hưởng.',
    adviceEn:
      'Sensitive people may have health effects and should reduce outdoor activity; others are rarely affected.',
  },
  {
    category: 'bad',
    min: 151,
    max: 200,
    nameVi: 'Xấu',
    nameEn: 'Bad',
    color: '#FF0000',
    adviceVi:
      'Mọi người bắt đầu bị ảnh hưởng sức khỏe. Mọi người nên hạn chế hoạt động ngoài trời; người nhạy cảm nên tránh.',
    adviceEn:
      'Everyone may begin to feel health effects. Everyone should limit outdoor activity; sensitive people should avoid it.',
  },
  {
    category: 'very_bad',
    min: 201,
    max: 300,
    nameVi: 'Rất xấu',
    nameEn: 'Very bad',
    color: '#8F3F97',
    adviceVi:
      'Cảnh báo sức khỏe: mọi người bị ảnh hưởng nghiêm trọng hơn. Mọi người nên tránh hoạt động ngoài trời; người nhạy cảm ở trong nhà.',
    adviceEn:
      'Health warning: everyone may have more serious effects. Everyone should avoid outdoor activity; sensitive people stay indoors.',
  },
  {
    category: 'hazardous',
    min: 301,
    max: 500,
    nameVi: 'Nguy hại',
    nameEn: 'Hazardous',
    color: '#7E0023',
    adviceVi: 'Cảnh báo khẩn cấp: toàn bộ dân số có thể bị ảnh hưởng nghiêm trọng. Mọi người nên ở trong nhà.',
    adviceEn: 'Health emergency: the whole population may be seriously affected. Everyone should stay indoors.',
  },
] as const satisfies readonly AqiBand[];

/**
 * The band of an AQI value; a non-integer is first rounded half up (50.4 → Tốt, 50.5 → Trung bình).
 * Negative or non-finite values have no band (null); values above 500 are `hazardous`.
 */
export function findAqiBand(aqi: number): AqiBand | null {
  if (!Number.isFinite(aqi) || aqi < 0) return null;
  const rounded = roundHalfUp(aqi);
  return AQI_BANDS.find((b) => rounded <= b.max) ?? AQI_BANDS[5];
}
