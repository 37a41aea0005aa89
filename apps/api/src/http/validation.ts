import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { invalidBody, unsafeBodyProblems } from './body-checks';
import { danskeProblemer } from './validation-messages';

/**
 * Every request body is validated by class-validator: unknown fields are
 * refused, and the 400 names each field and why. What class-validator would
 * not see or not survive is refused before it runs (see unsafeBodyProblems),
 * and path parameters are left to their own strict pipes.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    // The reasons are worded from the rules the DTO declares (see danskeProblemer), and need the failing object and value.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => invalidBody(danskeProblemer(errors)),
  });
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const problems = unsafeBodyProblems(value);
      if (problems.length > 0) throw invalidBody(problems);
    }
    return super.transform(value, metadata);
  }

  /** A path parameter reaches its own pipe (ParseIntPipe, ParseUUIDPipe) as sent: `+value` here would make "0x1", "1.0" and " 1" punkt 1. */
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}
