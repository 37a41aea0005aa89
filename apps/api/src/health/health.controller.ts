import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ProjectionRunner } from '@sagsgang/projections';
import { Public } from '../auth/auth.guard';

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

class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: StoreHealth }) store!: StoreHealth;
  @ApiProperty({ type: [ProjectionHealth] }) projections!: ProjectionHealth[];
}

@ApiTags('drift')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthReport, description: "Whether the event store answers, and each read model's lag" })
  async health(): Promise<HealthReport> {
    try {
      const headPosition = await this.store.headPosition();
      const projections = (await this.runner.lag()).map(({ name, state, checkpoint, lag, error }) => ({ name, state, checkpoint, lag, error }));
      const healthy = projections.every((projection) => projection.state === 'running');
      return { status: healthy ? 'ok' : 'degraded', store: { reachable: true, headPosition }, projections };
    } catch (error) {
      return { status: 'degraded', store: { reachable: false, headPosition: 0, error: String(error) }, projections: [] };
    }
  }
}
