import { defineConfig } from 'drizzle-kit';

// Only used by `npm run db:generate`: the SQL it writes to migrations/ is what both drivers apply at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './migrations',
});
