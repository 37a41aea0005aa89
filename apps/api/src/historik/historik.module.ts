import { Module } from '@nestjs/common';
import { RolesGuard } from '../audit/roles.guard';
import { AdgangslogController } from './adgangslog.controller';
import { Adgangslog } from './adgangslog';
import { MoedeHistorikController, SagHistorikController } from './historik.controller';
import { LukketLaesning } from './lukket-laesning';
import { PointInTimeReader } from './point-in-time.reader';

/**
 * For auditors: each sag's and meeting's historik, reads as of a past moment
 * (used by the sag and meeting queries), and the record of who read a lukket
 * punkt's content (the adgangslog).
 */
@Module({
  controllers: [SagHistorikController, MoedeHistorikController, AdgangslogController],
  providers: [RolesGuard, Adgangslog, LukketLaesning, PointInTimeReader],
  exports: [LukketLaesning, PointInTimeReader],
})
export class HistorikModule {}
