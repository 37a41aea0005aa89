import { Module } from '@nestjs/common';
import { PointInTimeReader } from './point-in-time.reader';

/** Reads as of a past moment, folded from the streams (used by the sag and meeting queries). */
@Module({
  providers: [PointInTimeReader],
  exports: [PointInTimeReader],
})
export class HistorikModule {}
