import type { Role } from '@food/contracts';
import type { Prisma } from '../generated/prisma/client.js';

/** The fields of a user that leave the service (never the password hash). */
export const publicUserFields = {
  id: true,
  email: true,
  name: true,
  role: true,
} satisfies Prisma.UserSelect;

/**
 * Declared with contracts' Role rather than inferred from Prisma, so clients' declaration files can name every
 * type in the router's outputs without reaching into this app's generated Prisma client.
 */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** A user as `me` and `listUsers` show it. */
export interface UserProfile extends PublicUser {
  /** ISO time. */
  createdAt: string;
}
