import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StoreHealth {
  @ApiProperty() reachable!: boolean;
  @ApiProperty({ description: 'Position of the newest event in the log' }) headPosition!: number;
  @ApiPropertyOptional({ description: "The store's identity, which every checkpoint records" }) identity?: string;
  @ApiPropertyOptional() error?: string;
}

export class DiskHealth {
  @ApiProperty({ description: 'SAGSGANG_DATA' }) path!: string;
  @ApiProperty() freeBytes!: number;
  @ApiProperty() totalBytes!: number;
  @ApiProperty({ description: 'A write failed for lack of space and none has succeeded since: commands are refused with 507' })
  full!: boolean;
  @ApiPropertyOptional() fullSince?: string;
  @ApiPropertyOptional({ description: 'What could not be written' }) failedWrite?: string;
}

export class Incident {
  @ApiProperty() at!: string;
  @ApiProperty() reason!: string;
}

export class SetAsideFile {
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'What the integrity check found' }) problem!: string;
  @ApiProperty({ description: 'Where the damaged file was moved' }) movedTo!: string;
}

export class ReadModelsHealth {
  @ApiProperty({ description: 'How often the projection runner subscribed to the log again after losing it' }) reconnects!: number;
  @ApiPropertyOptional({ type: Incident, description: 'The last rebuild because the checkpoints were not in the log' })
  lastRebuild?: Incident;
  @ApiPropertyOptional({ type: SetAsideFile, description: 'The damaged read model file moved aside at start-up' })
  setAsideAtStart?: SetAsideFile;
}

export class ProjectionHealth {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['running', 'retrying', 'stopped', 'failed'] }) state!: string;
  @ApiProperty({ description: 'Last global position applied' }) checkpoint!: number;
  @ApiProperty({ description: 'How far behind the head of the log it is' }) lag!: number;
  @ApiPropertyOptional() error?: string;
}

export class FollowUpFailureHealth {
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'Global position of the event whose follow-up was refused' }) position!: number;
  @ApiProperty({ example: 'BeslutningRegistreret' }) eventType!: string;
  @ApiProperty({ example: 'RegistrerBeslutning' }) command!: string;
  @ApiProperty({ description: 'The sag the follow-up was for' }) target!: string;
  @ApiProperty() error!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class LiveHealth {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class ProcessManagerHealth {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['running', 'retrying', 'stopped', 'failed'], description: 'stopped also when SAGSGANG_PROCESS_MANAGERS=off' })
  state!: string;
  @ApiProperty({ description: 'Last global position fully handled' }) checkpoint!: number;
  @ApiProperty({ description: 'How far behind the head of the log it is' }) lag!: number;
  @ApiProperty({ description: 'Follow-ups the target refused (logged with the event position and skipped)' }) failures!: number;
  @ApiPropertyOptional({ type: FollowUpFailureHealth, description: 'The newest refused follow-up' }) lastFailure?: object;
  @ApiProperty({ description: 'How often it subscribed to the log again after losing it' }) reconnects!: number;
  @ApiPropertyOptional({
    type: Incident,
    description: 'The last time it handled the log again from its start, its checkpoint not being in the log',
  })
  lastRewind?: Incident;
  @ApiPropertyOptional() error?: string;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: StoreHealth }) store!: StoreHealth;
  @ApiProperty({ type: DiskHealth }) disk!: DiskHealth;
  @ApiProperty({ type: ReadModelsHealth }) readModels!: ReadModelsHealth;
  @ApiProperty({ type: [ProjectionHealth] }) projections!: ProjectionHealth[];
  @ApiProperty({ type: [ProcessManagerHealth] }) processManagers!: ProcessManagerHealth[];
}
