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

/**
 * Verifies signature, algorithm and expiry, and that the claims name a user
 * and a known role. A client sends the same token with every request, so a
 * token that passed is remembered until its expiry: the same string under
 * the same secret can only verify the same way, and only `exp` (checked
 * again here, as jsonwebtoken would) depends on the time.
 */
export function verifyToken(secret: string, token: string): Actor {
  const verifier = verifierFor(secret);
  const known = verifier.verified.get(token);
  if (known && Math.floor(Date.now() / 1000) < known.exp) return { ...known.actor };
  let payload: { sub?: unknown; role?: unknown; exp?: unknown };
  try {
    payload = verifier.service.verify(token, { algorithms: [ALGORITHM] });
  } catch (error) {
    throw new InvalidToken(`token refused: ${(error as Error).message}`);
  }
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidToken('token names no user (sub)');
  if (typeof payload.exp !== 'number') throw new InvalidToken('token carries no expiry');
  if (!isRole(payload.role)) throw new InvalidToken(`token role ${String(payload.role)} is unknown`);
  const actor: Actor = { userId: payload.sub, role: payload.role };
  // Bounded: forgetting them all costs one verification per client.
  if (verifier.verified.size >= VERIFIED_TOKENS) verifier.verified.clear();
  verifier.verified.set(token, { actor, exp: payload.exp });
  return { ...actor };
}

const VERIFIED_TOKENS = 10_000;

interface Verifier {
  service: JwtService;
  /** Tokens that passed, with their expiry (seconds, as in the token). */
  verified: Map<string, { actor: Actor; exp: number }>;
}

/**
 * One verifier per secret, holding the secret as a KeyObject: given a string,
 * jsonwebtoken converts it on every call, first trying (and failing) to parse
 * it as a PEM public key, which cost more than the rest of a request.
 */
const verifiers = new Map<string, Verifier>();

function verifierFor(secret: string): Verifier {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    // A process sees one secret, or a handful in tests; never let the map grow unbounded.
    if (verifiers.size >= 16) verifiers.clear();
    verifier = { service: new JwtService({ secret: createSecretKey(Buffer.from(secret, 'utf8')) }), verified: new Map() };
    verifiers.set(secret, verifier);
  }
  return verifier;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
