import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Actor, Role, ROLES } from '@sagsgang/kernel';

/** Only HMAC-SHA256: a token with any other algorithm, `none` included, is refused. */
const ALGORITHM = 'HS256';

export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

export function issueToken(secret: string, actor: Actor, expiresIn = '8h'): string {
  const jwt = new JwtService({ secret });
  return jwt.sign({ role: actor.role }, { subject: actor.userId, algorithm: ALGORITHM, expiresIn: expiresIn as never });
}

/** Verifies signature, algorithm and expiry, and that the claims name a user and a known role. */
export function verifyToken(secret: string, token: string): Actor {
  let payload: { sub?: unknown; role?: unknown; exp?: unknown };
  try {
    payload = verifierFor(secret).verify(token, { algorithms: [ALGORITHM] });
  } catch (error) {
    throw new InvalidToken(`token refused: ${(error as Error).message}`);
  }
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidToken('token names no user (sub)');
  if (typeof payload.exp !== 'number') throw new InvalidToken('token carries no expiry');
  if (!isRole(payload.role)) throw new InvalidToken(`token role ${String(payload.role)} is unknown`);
  return { userId: payload.sub, role: payload.role };
}

/**
 * One verifier per secret, holding the secret as a KeyObject: given a string,
 * jsonwebtoken converts it on every call, first trying (and failing) to parse
 * it as a PEM public key, which cost more than the rest of a request.
 */
const verifiers = new Map<string, JwtService>();

function verifierFor(secret: string): JwtService {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    // A process sees one secret, or a handful in tests; never let the map grow unbounded.
    if (verifiers.size >= 16) verifiers.clear();
    verifier = new JwtService({ secret: createSecretKey(Buffer.from(secret, 'utf8')) });
    verifiers.set(secret, verifier);
  }
  return verifier;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
