import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Messages } from '@/messages';
import { decodeSegment } from './params';

/** Every message's dotted key ('alerts.title', 'adminArea.users.title', …). */
type MessageKey<T = Messages, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : MessageKey<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * The `generateMetadata` of a page whose document title is one message; a detail page adds its URL segment `param`
 * (decoded) after `separator`: "Trạm QT-01", "Nhận dữ liệu #42".
 */
export function titleMetadata(key: MessageKey, suffix?: { param: string; separator: string }) {
  return async ({ params }: { params: Promise<Record<string, string>> }): Promise<Metadata> => {
    const t = await getTranslations();
    const title = t(key);
    return { title: suffix ? `${title}${suffix.separator}${decodeSegment((await params)[suffix.param] ?? '')}` : title };
  };
}

/** The `generateMetadata` of a page titled by its URL segment `param` alone (a station's code). */
export function segmentMetadata(param: string) {
  return async ({ params }: { params: Promise<Record<string, string>> }): Promise<Metadata> => ({
    title: decodeSegment((await params)[param] ?? ''),
  });
}
