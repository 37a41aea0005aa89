import { createHmac } from 'node:crypto';
import { issueToken } from '@sagsgang/auth';
import { Role, ROLES } from '@sagsgang/kernel';

/**
 * Hand-built JWTs, so the tests do not depend on the library the API uses
 * to verify them: each one is wrong in exactly one way.
 */
const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export function signed(secret: string, payload: object, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const algorithm = (header as { alg?: string }).alg === 'HS512' ? 'sha512' : 'sha256';
  const content = `${base64url(header)}.${base64url(payload)}`;
  return `${content}.${createHmac(algorithm, secret).update(content).digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const claims = (role: string, extra: object = {}) => ({ role, sub: `${role}-1`, iat: now(), exp: now() + 3600, ...extra });

/** Who sends a request: one of the four roles, nobody, or someone with a token that must be refused. */
export type Principal = Role | 'anonym' | UgyldigToken;

export const UGYLDIGE_TOKENS = [
  'udloebet',
  'anden-hemmelighed',
  'alg-none',
  'manipuleret',
  'ukendt-rolle',
  'uden-exp',
  'uden-sub',
  'hs512',
  'ikke-en-jwt',
] as const;
export type UgyldigToken = (typeof UGYLDIGE_TOKENS)[number];

export const PRINCIPALS: readonly Principal[] = [...ROLES, 'anonym', ...UGYLDIGE_TOKENS];

/** The token a refused principal presents, made with the API's real secret where that is the point. */
export function ugyldigToken(secret: string, kind: UgyldigToken): string {
  switch (kind) {
    case 'udloebet':
      return signed(secret, claims('admin', { iat: now() - 7200, exp: now() - 3600 }));
    case 'anden-hemmelighed':
      return signed('en-helt-anden-hemmelighed-0123456789-abcdef', claims('admin'));
    case 'alg-none':
      return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims('admin'))}.`;
    case 'manipuleret': {
      // A real sagsbehandler token whose payload now says admin; the signature is the original one.
      const [header, , signature] = issueToken(secret, { userId: 'sagsbehandler-1', role: 'sagsbehandler' }).split('.');
      return `${header}.${base64url(claims('admin', { sub: 'sagsbehandler-1' }))}.${signature}`;
    }
    case 'ukendt-rolle':
      return signed(secret, claims('borgmester'));
    case 'uden-exp': {
      const { exp: _exp, ...uden } = claims('admin');
      return signed(secret, uden);
    }
    case 'uden-sub': {
      const { sub: _sub, ...uden } = claims('admin');
      return signed(secret, uden);
    }
    case 'hs512':
      return signed(secret, claims('admin'), { alg: 'HS512', typ: 'JWT' });
    case 'ikke-en-jwt':
      return 'ikke.en.jwt';
  }
}

/** The Authorization header a principal sends (none for anonym). */
export function authorization(secret: string, principal: Principal): Record<string, string> {
  if (principal === 'anonym') return {};
  const token = (ROLES as readonly string[]).includes(principal)
    ? issueToken(secret, { userId: `${principal}-1`, role: principal as Role })
    : ugyldigToken(secret, principal as UgyldigToken);
  return { Authorization: `Bearer ${token}` };
}
