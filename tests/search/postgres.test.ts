import { describe } from 'vitest';
import { usingRealPostgres } from '../helpers/database.js';
import { searchContract } from './contract.js';

// PGlite by default; the real server when DATABASE_URL is set (run the suite both ways).
describe(`search contract: PostgreSQL full-text search (${usingRealPostgres ? 'real PostgreSQL' : 'PGlite'})`, () => {
  searchContract({ dutchStemming: true, corrections: true });
});
