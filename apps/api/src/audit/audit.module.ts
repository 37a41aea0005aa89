import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { RolesGuard } from './roles.guard';
import { SagsnummerJournal } from './sagsnummer-journal';

/** GET /audit/verify, /audit/export and /audit/sagsnumre for revisor and admin, over the configured event store. */
@Module({
  controllers: [AuditController],
  providers: [RolesGuard, SagsnummerJournal],
})
export class AuditModule {}
