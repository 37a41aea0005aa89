import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { RolesGuard } from './roles.guard';

/** GET /audit/verify and /audit/export for revisor and admin, over the configured event store. */
@Module({
  controllers: [AuditController],
  providers: [RolesGuard],
})
export class AuditModule {}
