import { BadRequestException, Body, PipeTransform } from '@nestjs/common';
import { FieldProblem } from '@sagsgang/kernel';
import { ukendtFelt } from './validation-messages';

/** No body of this API nests deeper than a few levels (body → medlemmer → medlem → navn). */
export const MAX_BODY_DEPTH = 16;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 and C1 controls and DEL; tab, line feed and carriage return belong in prose. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * What class-validator cannot be trusted to see, checked on the parsed JSON
 * before it runs: nesting so deep that Nest's own recursion overflows the
 * stack (a 500); keys that name Object.prototype's members (`constructor`,
 * `toString`, …) or `prototype`, which Nest and class-transformer drop
 * silently instead of refusing as unknown fields; and text that is not
 * well-formed Unicode or holds control characters. Iterative, so any depth
 * is safe to look at.
 */
export function unsafeBodyProblems(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; field: string; depth: number }[] = [{ value: body, field: '', depth: 0 }];
  while (stack.length > 0 && problems.length < 20) {
    const { value, field, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value))
        problems.push({ field: field || 'body', reason: 'skal være gyldig Unicode (teksten har et enligt surrogattegn)' });
      if (CONTROL_CHARACTER.test(value)) problems.push({ field: field || 'body', reason: 'må ikke indeholde kontroltegn' });
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_BODY_DEPTH) {
        problems.push({ field: field || 'body', reason: `må ikke være indlejret mere end ${MAX_BODY_DEPTH} niveauer` });
        continue;
      }
      for (const [key, child] of Object.entries(value)) {
        const path = field ? `${field}.${key}` : key;
        if (!Array.isArray(value) && (key === 'prototype' || key in Object.prototype))
          problems.push({ field: path, reason: ukendtFelt(path) });
        stack.push({ value: child, field: path, depth: depth + 1 });
      }
    }
  }
  return problems;
}

export function invalidBody(problems: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    title: 'Ugyldig forespørgsel',
    detail: problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
    errors: problems,
  });
}

/** A command without a body takes none: nothing, null or {}. Anything else is refused as the unknown fields it holds. */
export class NoBodyPipe implements PipeTransform {
  transform(value: unknown): undefined {
    if (value === undefined || value === null) return undefined;
    const isObject = typeof value === 'object' && !Array.isArray(value);
    if (isObject && Object.keys(value).length === 0) return undefined;
    const fields = isObject ? Object.keys(value) : [];
    throw invalidBody(
      fields.length > 0
        ? fields.map((field) => ({ field, reason: ukendtFelt(field) }))
        : [{ field: 'body', reason: 'kommandoen tager ingen krop' }],
    );
  }
}

/** The body parameter of a command that takes none, so what a client sends anyway is refused, not ignored. */
export const NoBody = () => Body(new NoBodyPipe());
