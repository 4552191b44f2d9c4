/** Drivers report affected rows as bigint (SQLite) or number (PostgreSQL). */
export function affected(
  result:
    | { numUpdatedRows?: bigint; numInsertedOrUpdatedRows?: bigint; numDeletedRows?: bigint }
    | undefined,
): number {
  return Number(
    result?.numUpdatedRows ?? result?.numInsertedOrUpdatedRows ?? result?.numDeletedRows ?? 0,
  );
}
