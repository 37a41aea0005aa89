/** The roles a token can carry. */
export const ROLES = ['sagsbehandler', 'sekretaer', 'revisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who issued a command: always taken from the verified token, never from a request body. */
export interface Actor {
  userId: string;
  role: Role;
}
