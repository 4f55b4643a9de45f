import { DomainError } from '@food/contracts';
import type { Database } from '../db.js';
import { hashPassword } from '../domain/password-hashing.js';
import { Prisma } from '../generated/prisma/client.js';
import { publicUserFields, type PublicUser } from './public-user.js';

export interface Registration {
  email: string;
  password: string;
  name: string;
}

/** Creates a CUSTOMER (self-registration never grants another role); a taken email is a CONFLICT. */
export async function registerCustomer(
  db: Database,
  registration: Registration,
): Promise<PublicUser> {
  const passwordHash = await hashPassword(registration.password);
  try {
    return await db.user.create({
      data: { email: registration.email, name: registration.name, passwordHash, role: 'CUSTOMER' },
      select: publicUserFields,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new DomainError(
        'CONFLICT',
        'email: an account with this email already exists; sign in instead',
      );
    }
    throw error;
  }
}
