// Migrations on PostgreSQL while other schemas of the same database come and go (other deployments, parallel tests).

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dropPgSchema, openStore } from '../../src/store/database';
import { PG_URL } from '../helpers';

describe('migrations beside schemas being dropped', () => {
  it('bring every new schema up to date while other schemas are created and dropped all the while', async () => {
    const churn = new pg.Client({ connectionString: PG_URL });
    await churn.connect();
    let stop = false;
    const churning = (async () => {
      // Another deployment's schemas, each with a table, appearing and disappearing as fast as the database allows.
      while (!stop) {
        const other = `churn_${randomBytes(4).toString('hex')}`;
        await churn.query(`create schema ${other}`);
        await churn.query(`create table ${other}.t (id int)`);
        await churn.query(`drop schema ${other} cascade`);
      }
    })();
    const schemas = Array.from({ length: 12 }, () => `m_${randomBytes(5).toString('hex')}`);
    try {
      const opened = await Promise.allSettled(
        schemas.map(async (schema) => {
          const store = await openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 1 });
          await store.close();
        }),
      );
      expect(opened.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason?.cause ?? r.reason))).toEqual([]);
    } finally {
      stop = true;
      await churning;
      await churn.end();
      await Promise.all(schemas.map((schema) => dropPgSchema(PG_URL, schema)));
    }
  }, 120_000);
});
