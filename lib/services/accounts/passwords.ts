import bcrypt from 'bcryptjs';

/** bcrypt with cost 10: ~60 ms per check, enough against offline guessing for these account counts. */
const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
