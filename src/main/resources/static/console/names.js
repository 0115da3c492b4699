// The names behind the codes the API answers: regions (GB/T 2260), banks and branches, from the
// service's reference data (GET /api/v1/reference, /api/v1/reference/branches/{code}). Without
// them (a failed call) the console shows the codes alone and lets the API decide every service.

import * as api from './api.js';
import { language, t } from './i18n.js';

let regions = new Map();
let banks = new Map();
// Branch code -> its record, or null once the service said it does not know the code.
const branches = new Map();

/** Loads the region and bank tables and the signed-in clerk's own branch. */
export async function load() {
  forget();
  const tables = await api.get('/api/v1/reference');
  if (tables.ok && tables.body) {
    regions = new Map((tables.body.regions || []).map((region) => [region.code, region]));
    banks = new Map((tables.body.banks || []).map((bank) => [bank.code, bank]));
  }
  const caller = api.caller();
  if (caller && caller.branchCode) {
    await loadBranches([caller.branchCode]);
  }
}

export function forget() {
  regions = new Map();
  banks = new Map();
  branches.clear();
}

/** Fetches the records of the branches not known yet; the names then show on the next render. */
export async function loadBranches(codes) {
  const wanted = [...new Set(codes.filter((code) => code && !branches.has(code)))];
  await Promise.all(wanted.map(async (code) => {
    const answer = await api.get(`/api/v1/reference/branches/${encodeURIComponent(code)}`);
    if (answer.ok && answer.body) {
      branches.set(code, answer.body);
    } else if (answer.status === 404 || answer.status === 400) {
      branches.set(code, null);
    }
  }));
}

/** The clerk's own branch ({kind, regionCode, bankCode}), or null when it is not known. */
export function ownBranch() {
  const caller = api.caller();
  return (caller && caller.branchCode && branches.get(caller.branchCode)) || null;
}

const nameOf = (entry) => entry && (language() === 'en' ? entry.nameEn : entry.name);

/** 深圳市南山区 / Nanshan, Shenzhen: the city (or province) and the district, as far as they are known. */
export function regionName(code) {
  if (!/^\d{6}$/.test(String(code))) {
    return null;
  }
  const province = nameOf(regions.get(`${code.slice(0, 2)}0000`));
  const city = code.slice(2, 4) === '00' ? null : nameOf(regions.get(`${code.slice(0, 4)}00`));
  const district = code.slice(4) === '00' ? null : nameOf(regions.get(code));
  const wider = city || province;
  if (language() === 'en') {
    return district ? [district, wider].filter(Boolean).join(', ') : wider;
  }
  return (wider || district) ? `${wider || ''}${district || ''}` : null;
}

/** The city of a region alone (深圳市), for where the holder must go. */
export function cityName(code) {
  if (!/^\d{6}$/.test(String(code))) {
    return null;
  }
  return nameOf(regions.get(`${code.slice(0, 4)}00`)) || nameOf(regions.get(`${code.slice(0, 2)}0000`));
}

export function bankName(code) {
  return nameOf(banks.get(code)) || null;
}

export function branchName(code) {
  const branch = branches.get(code);
  return (branch && branch.name) || null;
}

/** A name with its code beside it: 深圳市南山区（440305）, Nanshan, Shenzhen (440305); the code alone without a name. */
export function withCode(name, code) {
  if (!code) {
    return t('fact.none');
  }
  return name ? t('named', { name, code }) : String(code);
}

export const region = (code) => withCode(regionName(code), code);
export const bank = (code) => withCode(bankName(code), code);
export const branch = (code) => withCode(branchName(code), code);
