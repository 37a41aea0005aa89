import { Module } from '@nestjs/common';
import { RolesGuard } from '../audit/roles.guard';
import { MoedeHistorikController, SagHistorikController } from './historik.controller';
import { PointInTimeReader } from './point-in-time.reader';

/**
 * For auditors: each sag's and meeting's historik, and reads as of a past
 * moment (used by the sag and meeting queries).
 */
@Module({
  controllers: [SagHistorikController, MoedeHistorikController],
  providers: [RolesGuard, PointInTimeReader],
  exports: [PointInTimeReader],
})
export class HistorikModule {}
