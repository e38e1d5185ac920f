import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCAL_TIME_ZONE } from '@/lib/domain/time';
import { LOCALE_COOKIE, toLocale } from './locales';
import { enMessages, viMessages } from '../messages';

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = toLocale(store.get(LOCALE_COOKIE)?.value);
  return { locale, messages: locale === 'en' ? enMessages : viMessages, timeZone: LOCAL_TIME_ZONE };
});
