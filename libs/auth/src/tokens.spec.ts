import { InvalidToken, issueToken, verifyToken } from './tokens';

const SECRET = 'en-hemmelighed-til-token-testen-0123456789';
const OTHER = 'en-anden-hemmelighed-til-token-testen-98765';

describe('verifyToken', () => {
  afterEach(() => jest.restoreAllMocks());

  it('gives the actor of a valid token, the second time as the first', () => {
    const token = issueToken(SECRET, { userId: 'anna', role: 'sagsbehandler' });

    expect(verifyToken(SECRET, token)).toEqual({ userId: 'anna', role: 'sagsbehandler' });
    expect(verifyToken(SECRET, token)).toEqual({ userId: 'anna', role: 'sagsbehandler' });
  });

  it('refuses a token it verified before once the token has expired', () => {
    const token = issueToken(SECRET, { userId: 'bo', role: 'revisor' }, '60s');
    expect(verifyToken(SECRET, token)).toEqual({ userId: 'bo', role: 'revisor' });

    const later = Date.now() + 61_000;
    jest.spyOn(Date, 'now').mockReturnValue(later);

    expect(() => verifyToken(SECRET, token)).toThrow(InvalidToken);
  });

  it('refuses a token it verified under one secret when given another', () => {
    const token = issueToken(SECRET, { userId: 'cecilie', role: 'admin' });
    verifyToken(SECRET, token);

    expect(() => verifyToken(OTHER, token)).toThrow(InvalidToken);
  });

  it('refuses a tampered token every time, also after the genuine one passed', () => {
    const token = issueToken(SECRET, { userId: 'dorte', role: 'sagsbehandler' });
    verifyToken(SECRET, token);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'dorte', role: 'admin', exp: Math.floor(Date.now() / 1000) + 3600 })).toString(
      'base64url',
    );
    const tampered = `${header}.${payload}.${signature}`;

    expect(() => verifyToken(SECRET, tampered)).toThrow(InvalidToken);
    expect(() => verifyToken(SECRET, tampered)).toThrow(InvalidToken);
  });

  it('hands out a copy: changing the actor it returned changes nothing later', () => {
    const token = issueToken(SECRET, { userId: 'erik', role: 'sekretaer' });
    const first = verifyToken(SECRET, token) as { userId: string };
    first.userId = 'mallory';

    expect(verifyToken(SECRET, token)).toEqual({ userId: 'erik', role: 'sekretaer' });
  });
});
