import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class ExportQuery {
  @ApiPropertyOptional({
    description: 'Continue after this global position (exclusive): the position of the last line already received',
    minimum: 0,
    example: 1042,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  // Beyond this a number is no longer an exact integer, and the export would refuse it.
  @Max(Number.MAX_SAFE_INTEGER)
  from?: number;

  @ApiPropertyOptional({
    description: 'Only this stream, e.g. sag-<id> or moede-<id>',
    example: 'sag-4f1c2d9e-8a7b-4c3d-9e2f-1a2b3c4d5e6f',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  stream?: string;

  @ApiPropertyOptional({
    description: 'Only events recorded at or after this time (metadata.recordedAt, ISO 8601)',
    example: '2025-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ description: 'Only events recorded before this time (exclusive, ISO 8601)', example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}

export class VerifyFailureDto {
  @ApiProperty({ example: 'sag-4f1c2d9e-8a7b-4c3d-9e2f-1a2b3c4d5e6f' }) stream!: string;
  @ApiProperty({ description: 'The revision where the problem starts', example: 3 }) revision!: number;
  @ApiProperty({ description: 'Global position of the event that revealed it', example: 1187 }) position!: number;
  @ApiProperty({ example: 'the stored hash does not match the event: its type, data, metadata or hash was changed after it was recorded' })
  problem!: string;
}

export class UnreadableRangeDto {
  @ApiProperty({ description: 'Last readable position before the unreadable data' }) after!: number;
  @ApiProperty({ description: 'First readable position after it; null when nothing readable follows', nullable: true, type: Number })
  before!: number | null;
  @ApiProperty() problem!: string;
}

export class VerifyReportDto {
  @ApiProperty({ description: 'Streams checked (system streams, starting with $, are skipped)' }) streams!: number;
  @ApiProperty({ description: 'Events checked' }) events!: number;
  @ApiProperty({ description: 'The log was verified up to this global position' }) lastPosition!: number;
  @ApiProperty({ type: [VerifyFailureDto], description: 'Empty when nothing was altered' }) failures!: VerifyFailureDto[];
  @ApiProperty({ type: [UnreadableRangeDto], description: 'Data the store could not read back at all' }) unreadable!: UnreadableRangeDto[];
}

export class SagsnummerJournalQuery {
  @ApiProperty({ description: 'The year, two digits as in the sagsnummer (26 for 2026)', minimum: 0, maximum: 99, example: 26 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(99)
  aar!: number;
}

export class JournalEntryDto {
  @ApiProperty({ example: '26/17' }) sagsnummer!: string;
  @ApiProperty({ example: 17 }) loebenummer!: number;
  @ApiProperty() sagId!: string;
  @ApiProperty({ format: 'date-time', description: 'When the number was granted' }) tildelt!: string;
  @ApiProperty({
    enum: ['i brug', 'annulleret'],
    description:
      'annulleret: granted, but its sag was never created (possible only on EventStoreDB, after a crash between the two appends)',
  })
  status!: string;
}

export class SagsnummerJournalDto {
  @ApiProperty({ example: 26 }) aar!: number;
  @ApiProperty({ type: [JournalEntryDto] }) sagsnumre!: JournalEntryDto[];
}
