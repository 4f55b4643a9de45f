import { DomainError, type Role } from '@food/contracts';
import type { Database } from '../db.js';
import type { Prisma } from '../generated/prisma/client.js';
import { publicUserFields, type UserProfile } from './public-user.js';

export interface UserListQuery {
  role?: Role | undefined;
  /** Part of the email address (the stored addresses are lower-case). */
  email?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

interface CursorPosition {
  createdAt: Date;
  id: string;
}

// The cursor carries the last row's sort key, so a page is right even when that user has been deleted meanwhile.
function encodeCursor({ createdAt, id }: CursorPosition): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): CursorPosition {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new DomainError('VALIDATION_FAILED', 'cursor: not a cursor returned by listUsers');
  }
  return { createdAt, id };
}

export interface UserListPage {
  users: UserProfile[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Newest first, keyset-paginated by (createdAt, id). */
export async function listUsers(db: Database, query: UserListQuery): Promise<UserListPage> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.UserWhereInput = {
    role: query.role,
    email: query.email ? { contains: query.email } : undefined,
    ...(after && {
      OR: [
        { createdAt: { lt: after.createdAt } },
        { createdAt: after.createdAt, id: { lt: after.id } },
      ],
    }),
  };
  const rows = await db.user.findMany({
    where,
    select: { ...publicUserFields, createdAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    users: page.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}
