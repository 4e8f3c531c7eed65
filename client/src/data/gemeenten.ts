/**
 * The municipality list lives in shared/gemeenten.ts, with the province of each, since the server filters the members
 * directory by province too: one list for both. Re-exported here so the client's imports stay as they were.
 */
export { GEMEENTEN, GEMEENTEN_PER_PROVINCIE, isProvincie, PROVINCIES, provincieVan, type Provincie } from '../../../shared/gemeenten';
