'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** `exact`: current only on its own path, not below it (an overview whose sections have their own links). */
export type NavItem = { href: string; label: string; exact?: boolean };

/** A navigation list that marks the link of the current page (or of the section it is in) with aria-current. */
export function NavLinks({
  items,
  label,
  className,
  listClassName,
  testId,
}: {
  items: readonly NavItem[];
  label: string;
  className?: string;
  listClassName?: string;
  testId?: string;
}) {
  const pathname = usePathname();
  return (
    <nav className={className} aria-label={label} data-testid={testId}>
      <ul className={listClassName}>
        {items.map((item) => {
          const active = pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={active ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
