import { Controller, Get, Header, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ProjectionRunner } from '@sagsgang/projections';
import { Public } from '../auth/auth.guard';
import { AppConfig } from '../config/app-config';
import { ApiProblem } from '../http/api-errors.decorator';
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

class FollowUpFailureHealth {
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'Global position of the event whose follow-up was refused' }) position!: number;
  @ApiProperty({ example: 'BeslutningRegistreret' }) eventType!: string;
  @ApiProperty({ example: 'RegistrerBeslutning' }) command!: string;
  @ApiProperty({ description: 'The sag the follow-up was for' }) target!: string;
  @ApiProperty() error!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

class LiveHealth {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

class ProcessManagerHealth {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['running', 'retrying', 'stopped', 'failed'], description: 'stopped also when SAGSGANG_PROCESS_MANAGERS=off' })
  state!: string;
  @ApiProperty({ description: 'Last global position fully handled' }) checkpoint!: number;
  @ApiProperty({ description: 'How far behind the head of the log it is' }) lag!: number;
  @ApiProperty({ description: 'Follow-ups the target refused (logged with the event position and skipped)' }) failures!: number;
  @ApiProperty({ required: false, type: FollowUpFailureHealth, description: 'The newest refused follow-up' }) lastFailure?: object;
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
  @ApiOperation({ operationId: 'health', summary: 'Health: the event store, each read model and process manager' })
  @ApiOkResponse({ type: HealthReport, description: "Whether the event store answers, and each read model's lag" })
  async health(): Promise<HealthReport> {
    try {
      const headPosition = await this.store.headPosition();
      const projections = (await this.runner.lag()).map(({ name, state, checkpoint, lag, error }) => ({
        name,
        state,
        checkpoint,
        lag,
        error,
      }));
      const processManagers = [this.processManager(headPosition)];
      const managersOk = this.config.SAGSGANG_PROCESS_MANAGERS === 'off' || processManagers.every((manager) => manager.state === 'running');
      const healthy = projections.every((projection) => projection.state === 'running') && managersOk;
      return { status: healthy ? 'ok' : 'degraded', store: { reachable: true, headPosition }, projections, processManagers };
    } catch (error) {
      return {
        status: 'degraded',
        store: { reachable: false, headPosition: 0, error: String(error) },
        projections: [],
        processManagers: [],
      };
    }
  }

  @Get('live')
  @Header('cache-control', 'no-store')
  @ApiOperation({ operationId: 'healthLive', summary: 'Liveness probe' })
  @ApiOkResponse({ type: LiveHealth, description: 'Liveness: the process is up and serving requests; always 200 while it answers at all' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Header('cache-control', 'no-store')
  @ApiOperation({ operationId: 'healthReady', summary: 'Readiness probe' })
  @ApiOkResponse({ type: HealthReport, description: 'Readiness: the store answers, every read model and process manager is running' })
  @ApiProblem(503, 'Not ready; the detail names what is not running')
  async ready(): Promise<HealthReport> {
    const report = await this.health();
    if (report.status === 'ok') return report;
    const notRunning = [...report.projections, ...report.processManagers].filter(({ state }) => state !== 'running');
    const reasons = report.store.reachable
      ? notRunning.map(({ name, state, error }) => `${name}: ${state}${error ? ` (${error})` : ''}`)
      : [`event store unreachable: ${report.store.error}`];
    throw new ServiceUnavailableException({ title: 'Ikke klar', detail: reasons.join('; ') });
  }

  private processManager(headPosition: number): ProcessManagerHealth {
    const { name, state, checkpoint, error } = this.sagOpfoelgning.status();
    const { count, last } = this.sagOpfoelgning.failures();
    return {
      name,
      state,
      checkpoint,
      lag: Math.max(0, headPosition - checkpoint),
      failures: count,
      ...(last ? { lastFailure: last } : {}),
      ...(error ? { error } : {}),
    };
  }
}
