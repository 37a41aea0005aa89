import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ProjectionRunner } from '@sagsgang/projections';
import { Public } from '../auth/auth.guard';
import { AppConfig } from '../config/app-config';
import { SagOpfoelgningManager } from '../process-managers/sag-opfoelgning.manager';

class StoreHealth {
  @ApiProperty() reachable!: boolean;
  @ApiProperty({ description: 'Position of the newest event in the log' }) headPosition!: number;
  @ApiProperty({ required: false }) error?: string;
}

class ProjectionHealth {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['running', 'stopped', 'failed'] }) state!: string;
  @ApiProperty({ description: 'Last global position applied' }) checkpoint!: number;
  @ApiProperty({ description: 'How far behind the head of the log it is' }) lag!: number;
  @ApiProperty({ required: false }) error?: string;
}

class ProcessManagerHealth {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['running', 'retrying', 'stopped', 'failed'], description: 'stopped also when SAGSGANG_PROCESS_MANAGERS=off' }) state!: string;
  @ApiProperty({ description: 'Last global position fully handled' }) checkpoint!: number;
  @ApiProperty({ description: 'How far behind the head of the log it is' }) lag!: number;
  @ApiProperty({ description: 'Follow-ups the target refused (logged with the event position and skipped)' }) failures!: number;
  @ApiProperty({ required: false, description: 'The newest refused follow-up' }) lastFailure?: object;
  @ApiProperty({ required: false }) error?: string;
}

class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: StoreHealth }) store!: StoreHealth;
  @ApiProperty({ type: [ProjectionHealth] }) projections!: ProjectionHealth[];
  @ApiProperty({ type: [ProcessManagerHealth] }) processManagers!: ProcessManagerHealth[];
}

@ApiTags('drift')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly sagOpfoelgning: SagOpfoelgningManager,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthReport, description: "Whether the event store answers, and each read model's lag" })
  async health(): Promise<HealthReport> {
    try {
      const headPosition = await this.store.headPosition();
      const projections = (await this.runner.lag()).map(({ name, state, checkpoint, lag, error }) => ({ name, state, checkpoint, lag, error }));
      const processManagers = [this.processManager(headPosition)];
      const managersOk = this.config.SAGSGANG_PROCESS_MANAGERS === 'off' || processManagers.every((manager) => manager.state === 'running');
      const healthy = projections.every((projection) => projection.state === 'running') && managersOk;
      return { status: healthy ? 'ok' : 'degraded', store: { reachable: true, headPosition }, projections, processManagers };
    } catch (error) {
      return { status: 'degraded', store: { reachable: false, headPosition: 0, error: String(error) }, projections: [], processManagers: [] };
    }
  }

  private processManager(headPosition: number): ProcessManagerHealth {
    const { name, state, checkpoint, error } = this.sagOpfoelgning.status();
    const { count, last } = this.sagOpfoelgning.failures();
    return { name, state, checkpoint, lag: Math.max(0, headPosition - checkpoint), failures: count, ...(last ? { lastFailure: last } : {}), ...(error ? { error } : {}) };
  }
}
