import 'server-only';
import { z } from 'zod';
import { IMAGE_SOURCES } from '@/lib/domain/camera';
import { isoInstant } from '@/lib/domain/time';
import { SAMPLER_RESULTS, SAMPLER_STATES, SAMPLER_TRIGGERS } from '@/lib/domain/sampler';
import { pageQuery } from '../pagination';
import { codeParams, isoDateTime, page, stationCode } from './common';
import { defineRoutes, type Components } from './define';

/** Camera images and sampler commands of a station (issue #21, Decree 08/2022 Art. 97–98). */

export const imageSchema = z.object({
  id: z.number().int(),
  time: isoDateTime.describe('FTP: the time in the file name; pull: when it was fetched'),
  source: z.enum(IMAGE_SOURCES),
  sha256: z.string(),
  size: z.number().int().describe('bytes'),
  width: z.number().int(),
  height: z.number().int(),
});

export const samplerCommandSchema = z.object({
  id: z.number().int(),
  station: z.string().describe('station code'),
  state: z.enum(SAMPLER_STATES),
  trigger: z.enum(SAMPLER_TRIGGERS),
  requestedAt: isoDateTime,
  requestedBy: z.string(),
  alertId: z.number().int().nullable(),
  reason: z.string().nullable(),
  expiresAt: isoDateTime.describe('an open command expires at this time'),
  deliveredAt: isoDateTime.nullable(),
  bottle: z.number().int().nullable(),
  sampledAt: isoDateTime.nullable(),
  note: z.string().nullable(),
});

export const queueSampleInput = z.object({
  reason: z.string().trim().max(500).nullish(),
  alertId: z.number().int().positive().nullish().describe('an alert of this station the sample is evidence for'),
});

export const samplerResultInput = z.object({
  status: z.enum(SAMPLER_RESULTS),
  bottle: z.number().int().min(1).max(999).nullish(),
  sampledAt: isoInstant.nullish().describe('when the bottle was filled (default: now)'),
  note: z.string().trim().max(500).nullish(),
});

const imageParams = z.object({ code: stationCode, id: z.coerce.number().int().positive() });

export const { listStationImages, getStationImage, queueSamplerCommand, listSamplerCommands, postSamplerResult } = defineRoutes('stations', {
  listStationImages: {
    route: 'GET /api/v1/stations/{code}/images',
    summary: 'Camera images of a station, newest first (staff; a facility its own stations)',
    description: 'Images arrive over FTP (named like data files, .jpg/.jpeg/.png) or are pulled from camera.snapshotUrl. Never public.',
    access: 'authenticated',
    params: codeParams,
    query: z.object({
      from: isoInstant.optional().describe('image time, inclusive'),
      to: isoInstant.optional().describe('image time, exclusive'),
      ...pageQuery,
    }),
    responses: { 200: { description: 'images', schema: page(imageSchema) } },
  },
  getStationImage: {
    route: 'GET /api/v1/stations/{code}/images/{id}',
    summary: 'The original bytes of an image, or with ?thumb=1 a small JPEG (staff; a facility its own stations)',
    access: 'authenticated',
    params: imageParams,
    query: z.object({ thumb: z.enum(['0', '1']).optional().describe('1: the thumbnail (JPEG, 320 px wide at most)') }),
    responses: {
      200: {
        description: 'image bytes',
        content: { 'image/jpeg': { binary: true }, 'image/png': { binary: true } },
        headers: { 'X-Content-SHA256': { description: 'hash of the original bytes', schema: z.string() } },
      },
    },
  },
  queueSamplerCommand: {
    route: 'POST /api/v1/stations/{code}/sampler/commands',
    summary: 'Queue a sample at the station’s automatic sampler (inspector, admin)',
    description: 'The station’s sampler must be enabled (409 otherwise). The command expires after SAMPLER_COMMAND_TTL_MINUTES (default 30) unless answered.',
    access: ['inspector', 'admin'],
    params: codeParams,
    body: { kind: 'json', schema: queueSampleInput, required: false, description: 'may be empty' },
    responses: { 201: { description: 'queued', schema: samplerCommandSchema } },
    errors: ['CONFLICT'],
  },
  listSamplerCommands: {
    route: 'GET /api/v1/stations/{code}/sampler/commands',
    summary: 'Sampler commands of a station, newest first (staff; the station’s facility: its datalogger polls ?state=queued)',
    description: 'When the station’s facility lists state=queued, the commands returned are handed over: each becomes delivered.',
    access: 'authenticated',
    params: codeParams,
    query: z.object({ state: z.enum(SAMPLER_STATES).optional(), ...pageQuery }),
    responses: { 200: { description: 'commands', schema: page(samplerCommandSchema) } },
  },
  postSamplerResult: {
    route: 'POST /api/v1/stations/{code}/sampler/commands/{id}/result',
    summary: 'The datalogger’s answer to a command (the station’s facility)',
    description: 'sampled (with bottle and time) or failed. A command already finished or expired: 409.',
    access: ['facility'],
    params: imageParams,
    body: { kind: 'json', schema: samplerResultInput, example: { status: 'sampled', bottle: 7, sampledAt: '2026-12-08T10:55:00+07:00' } },
    responses: { 200: { description: 'recorded', schema: samplerCommandSchema } },
    errors: ['CONFLICT'],
  },
});

export const cameraRoutes = [listStationImages, getStationImage, queueSamplerCommand, listSamplerCommands, postSamplerResult];
export const cameraComponents: Components = {
  request: { QueueSample: queueSampleInput, SamplerResult: samplerResultInput },
  response: { CameraImage: imageSchema, SamplerCommand: samplerCommandSchema },
};

export type ImageDto = z.infer<typeof imageSchema>;
export type SamplerCommandDto = z.infer<typeof samplerCommandSchema>;
