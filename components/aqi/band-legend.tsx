import { bandViews, textOn } from './bands';

/** The colour scale with each band's range, name and advice (AQI) or water use (WQI). */
export function BandLegend({ index, locale, title, showAdvice = true }: { index: 'aqi' | 'wqi'; locale: 'vi' | 'en'; title: string; showAdvice?: boolean }) {
  return (
    <div data-testid={`${index}-legend`}>
      <h3 style={{ margin: '0 0 6px' }}>{title}</h3>
      <table className="data" style={{ width: '100%' }}>
        <tbody>
          {bandViews(index, locale).map((b) => (
            <tr key={b.category} data-band={b.category}>
              <td style={{ background: b.color, color: textOn(b.color), fontWeight: 600, whiteSpace: 'nowrap', width: 72 }}>{b.range}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{b.name}</td>
              {showAdvice && <td className="small">{b.advice}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
