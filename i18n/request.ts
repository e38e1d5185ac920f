import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DISPLAY_TIME_ZONE } from '@/lib/domain/format';
import { LOCALE_COOKIE, toLocale } from './locales';
import vi from '../messages/vi.json';
import en from '../messages/en.json';

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = toLocale(store.get(LOCALE_COOKIE)?.value);
  return { locale, messages: locale === 'en' ? en : vi, timeZone: DISPLAY_TIME_ZONE };
});
