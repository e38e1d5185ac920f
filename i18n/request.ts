import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DISPLAY_TIME_ZONE } from '@/lib/domain/format';
import { LOCALE_COOKIE, toLocale } from './locales';
import { enMessages, viMessages } from '../messages';

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = toLocale(store.get(LOCALE_COOKIE)?.value);
  return { locale, messages: locale === 'en' ? enMessages : viMessages, timeZone: DISPLAY_TIME_ZONE };
});
