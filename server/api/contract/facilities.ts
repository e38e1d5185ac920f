import 'server-only';
import { z } from 'zod';
import { ROLES } from '@/lib/db/users';
import { createFacilityInput, createFacilityTokenInput } from '@/lib/services/accounts';
import { STAFF_ROLES } from '../auth';
import { pageQuery } from '../pagination';
import { page } from './common';
import { defineRoutes, type Components } from './define';

export const facilitySchema = z.object({ code: z.string(), name: z.string(), address: z.string().nullable() });
export const facilityCreatedSchema = facilitySchema.extend({ ftpUsername: z.string().nullable().describe('the FTP account created with the facility') });
export const tokenCreatedSchema = z.object({
  token: z.string().describe('shown once; send as Authorization: Bearer <token>'),
  name: z.string(),
  role: z.enum(ROLES),
  facility: z.string().nullable(),
  prefix: z.string().describe('the first characters of the token, kept to recognise it in lists'),
});
export type FacilityDto = z.infer<typeof facilitySchema>;
export type FacilityCreatedDto = z.infer<typeof facilityCreatedSchema>;

export const { listFacilities, createFacility, createFacilityToken } = defineRoutes('facilities', {
  listFacilities: {
    route: 'GET /api/v1/facilities',
    summary: 'List facilities (staff)',
    access: STAFF_ROLES,
    query: z.object(pageQuery),
    responses: { 200: { description: 'facilities by code', schema: page(facilitySchema) } },
  },
  createFacility: {
    route: 'POST /api/v1/facilities',
    summary: 'Create a facility and, optionally, its FTP account (admin)',
    description: 'With ftpUsername and ftpPassword (together) the facility FTP account is created; the password is stored as a bcrypt hash.',
    access: ['admin'],
    body: {
      kind: 'json',
      schema: createFacilityInput,
      example: { code: 'DINHTRAM', name: 'Công ty Đình Trám', ftpUsername: 'dinhtram', ftpPassword: 'a-long-secret' },
    },
    responses: { 201: { description: 'created', schema: facilityCreatedSchema } },
    errors: ['CONFLICT'],
  },
  createFacilityToken: {
    route: 'POST /api/v1/facilities/{code}/tokens',
    summary: 'Create an API token with role facility for this facility (admin)',
    description: 'The token is returned once; only its hash is stored.',
    access: ['admin'],
    params: z.object({ code: z.string().min(1).max(64).describe('facility code') }),
    body: { kind: 'json', schema: createFacilityTokenInput },
    responses: { 201: { description: 'the token, shown once', schema: tokenCreatedSchema } },
  },
});

export const facilityRoutes = [listFacilities, createFacility, createFacilityToken];
export const facilityComponents: Components = {
  request: { CreateFacility: createFacilityInput, CreateToken: createFacilityTokenInput },
  response: { Facility: facilitySchema, FacilityCreated: facilityCreatedSchema, TokenCreated: tokenCreatedSchema },
};
