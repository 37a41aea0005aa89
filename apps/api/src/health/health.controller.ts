import { Controller, Get, Header, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ProjectionRunner } from '@sagsgang/projections';
import { Public } from '../auth/auth.guard';
import { AppConfig } from '../config/app-config';
import { ApiProblem } from '../http/api-errors.decorator';
import { DataFolder } from '../infrastructure/data-folder';
import { SagOpfoelgningManager } from '../process-managers/sag-opfoelgning.manager';
import { HealthReport, LiveHealth, ProcessManagerHealth, ProjectionHealth, ReadModelsHealth, StoreHealth } from './health.dto';

@ApiTags('drift')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly sagOpfoelgning: SagOpfoelgningManager,
    private readonly dataFolder: DataFolder,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'health', summary: 'Health: the event store, the data folder, each read model and process manager' })
  @ApiOkResponse({
    type: HealthReport,
    description:
      'Whether the event store answers and the data folder has room, each read model and process manager, and what they did on their own',
  })
  async health(): Promise<HealthReport> {
    const store = await this.storeHealth();
    const head = store.headPosition;
    const projections: ProjectionHealth[] = this.runner
      .status()
      .map(({ name, state, checkpoint, error }) => ({ name, state, checkpoint, lag: Math.max(0, head - checkpoint), error }));
    const processManagers = [this.processManager(head)];
    const disk = this.dataFolder.report();
    const managersOk = this.config.SAGSGANG_PROCESS_MANAGERS === 'off' || processManagers.every((manager) => manager.state === 'running');
    const healthy = store.reachable && !disk.full && projections.every((projection) => projection.state === 'running') && managersOk;
    return { status: healthy ? 'ok' : 'degraded', store, disk, readModels: this.readModels(), projections, processManagers };
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
  @ApiOkResponse({
    type: HealthReport,
    description: 'Readiness: the store answers, the data folder has room, every read model and process manager is running',
  })
  @ApiProblem(503, 'Not ready; the detail names what is not running, or the full data folder')
  async ready(): Promise<HealthReport> {
    const report = await this.health();
    if (report.status === 'ok') return report;
    const reasons: string[] = [];
    if (!report.store.reachable) reasons.push(`hændelseslageret svarer ikke: ${report.store.error}`);
    if (report.disk.full) {
      reasons.push(
        `datamappen ${report.disk.path} er fuld (${report.disk.freeBytes} bytes ledige; ${report.disk.failedWrite} kunne ikke skrives): ` +
          'kommandoer afvises, læsninger virker',
      );
    }
    const notRunning = [...report.projections, ...report.processManagers].filter(
      ({ name, state }) =>
        state !== 'running' && !(name === this.sagOpfoelgning.status().name && this.config.SAGSGANG_PROCESS_MANAGERS === 'off'),
    );
    if (report.store.reachable)
      reasons.push(...notRunning.map(({ name, state, error }) => `${name}: ${state}${error ? ` (${error})` : ''}`));
    throw new ServiceUnavailableException({ title: 'Ikke klar', detail: reasons.join('; ') });
  }

  private async storeHealth(): Promise<StoreHealth> {
    try {
      const [headPosition, identity] = await Promise.all([this.store.headPosition(), this.store.identity()]);
      return { reachable: true, headPosition, identity };
    } catch (error) {
      return { reachable: false, headPosition: 0, error: String(error) };
    }
  }

  private readModels(): ReadModelsHealth {
    const { reconnects, lastRebuild } = this.runner.incidents();
    const setAside = this.dataFolder.setAside;
    return { reconnects, ...(lastRebuild ? { lastRebuild } : {}), ...(setAside ? { setAsideAtStart: setAside } : {}) };
  }

  private processManager(headPosition: number): ProcessManagerHealth {
    const { name, state, checkpoint, error, reconnects, lastRewind } = this.sagOpfoelgning.status();
    const { count, last } = this.sagOpfoelgning.failures();
    return {
      name,
      state,
      checkpoint,
      lag: Math.max(0, headPosition - checkpoint),
      failures: count,
      reconnects,
      ...(last ? { lastFailure: last } : {}),
      ...(lastRewind ? { lastRewind } : {}),
      ...(error ? { error } : {}),
    };
  }
}
