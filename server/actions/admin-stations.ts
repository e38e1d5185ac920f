'use server';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  addStationParameterAsAdmin,
  createStationAsAdmin,
  removeStationParameterAsAdmin,
  updateStationAsAdmin,
  updateStationParameterAsAdmin,
} from '@/lib/services/stations';
import { adminAction } from './admin-action';
import { done } from './admin-result';
import { decimal, integer, list, text } from './form';

/** Station mutations of the admin area: authorise (admin), validate, one service call, map errors, revalidate. */

const code = z.string().trim().min(1).max(64);
const parameter = z.string().trim().min(1).max(32);

function refresh(station?: string) {
  revalidatePath('/admin', 'layout');
  revalidatePath('/stations');
  if (station) revalidatePath(`/stations/${station}`);
}

function settings(fd: FormData) {
  return {
    fileCode: text(fd, 'fileCode') ?? '',
    name: text(fd, 'name') ?? '',
    kind: (text(fd, 'kind') ?? '') as 'wastewater',
    facilityCode: text(fd, 'facilityCode') ?? '',
    lat: decimal(fd, 'lat') ?? NaN,
    lon: decimal(fd, 'lon') ?? NaN,
    intervalMinutes: integer(fd, 'intervalMinutes') ?? 5,
    graceMinutes: integer(fd, 'graceMinutes') ?? 15,
  };
}

/** Create: parameters are the checked `parameters` boxes, each with optional `unit.<CODE>` and `aliases.<CODE>`. */
export const createStationAction = adminAction(async (actor, fd) => {
  const codes = fd.getAll('parameters').filter((p): p is string => typeof p === 'string' && p !== '');
  const s = await createStationAsAdmin(actor, {
    code: text(fd, 'code') ?? '',
    ...settings(fd),
    parameters: codes.map((c) => ({ code: c, unit: text(fd, `unit.${c}`), aliases: list(fd, `aliases.${c}`) })),
  });
  refresh();
  return done({ subject: s.code });
});

export const updateStationAction = adminAction(async (actor, fd) => {
  const station = code.parse(text(fd, 'code'));
  await updateStationAsAdmin(actor, station, { ...settings(fd), enabled: fd.get('enabled') === 'on' });
  refresh(station);
  return done({ subject: station });
});

export const addStationParameterAction = adminAction(async (actor, fd) => {
  const station = code.parse(text(fd, 'station'));
  await addStationParameterAsAdmin(actor, station, {
    code: text(fd, 'parameter') ?? '',
    unit: text(fd, 'unit'),
    aliases: list(fd, 'aliases'),
  });
  refresh(station);
  return done({ subject: station });
});

export const updateStationParameterAction = adminAction(async (actor, fd) => {
  const station = code.parse(text(fd, 'station'));
  await updateStationParameterAsAdmin(actor, station, parameter.parse(text(fd, 'parameter')), {
    unit: text(fd, 'unit'),
    aliases: list(fd, 'aliases'),
  });
  refresh(station);
  return done({ subject: station });
});

export const removeStationParameterAction = adminAction(async (actor, fd) => {
  const station = code.parse(text(fd, 'station'));
  await removeStationParameterAsAdmin(actor, station, parameter.parse(text(fd, 'parameter')));
  refresh(station);
  return done({ subject: station });
});
