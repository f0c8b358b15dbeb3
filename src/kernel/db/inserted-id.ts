/**
 * The id of the row an insert made: `insertedId(db.insertInto('plan').values(values).returning('id'))`.
 * Most inserts of a record want only its new id back, and this says so once.
 */
export async function insertedId(insert: {
  executeTakeFirstOrThrow(): Promise<{ id: number }>;
}): Promise<number> {
  return (await insert.executeTakeFirstOrThrow()).id;
}
