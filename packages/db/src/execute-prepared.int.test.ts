import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { executePrepared } from "./execute-prepared";
import { testSystemDb } from "./testing";

const db = testSystemDb();
afterAll(async () => {
  await db.$close();
});

describe("executePrepared", () => {
  it("returns the rows tx.execute returns, with the parameters bound", async () => {
    const q = (n: number) => sql`select g as x, ${`k${n}`}::text as k from generate_series(1, ${n}::int) g order by g`;
    await db.transaction(async (tx) => {
      expect(await executePrepared(tx, q(3))).toEqual([...(await tx.execute(q(3)))]);
      expect(await executePrepared(tx, q(2))).toEqual([
        { x: 1, k: "k2" },
        { x: 2, k: "k2" },
      ]);
    });
  });

  it("prepares the statement once on its connection and reuses it (tx.execute does not)", async () => {
    // In the statement's text (pg_prepared_statements shows texts, not parameters).
    const marker = `prepared_test_${Date.now()}`;
    const q = (n: number) => sql`select ${n}::int as n, ${sql.raw(`'${marker}'`)}::text as m`;
    const preparedOf = (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) =>
      tx.execute<{ n: string }>(sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`}`);
    await db.transaction(async (tx) => {
      await tx.execute(q(0));
      expect((await preparedOf(tx))[0]?.n).toBe(0);
      for (let i = 0; i < 3; i++) expect(await executePrepared(tx, q(i))).toEqual([{ n: i, m: marker }]);
      expect((await preparedOf(tx))[0]?.n).toBe(1);
    });
  });
});
