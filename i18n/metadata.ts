import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Messages } from '../messages';

/** The dotted paths of the message namespaces that have a `title` ('alerts', 'adminArea.users', …). */
type TitledNamespace<T = Messages, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? never
    : (T[K] extends { title: string } ? `${Prefix}${K}` : never) | TitledNamespace<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The `generateMetadata` of a page whose document title is its namespace's `title` message. */
export function titleMetadata(namespace: TitledNamespace) {
  return async (): Promise<Metadata> => {
    const t = await getTranslations();
    return { title: t(`${namespace}.title`) };
  };
}
