import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { Public } from '../auth/auth.guard';

class StoreHealth {
  @ApiProperty() reachable!: boolean;
  @ApiProperty({ description: 'Position of the newest event in the log' }) headPosition!: number;
  @ApiProperty({ required: false }) error?: string;
}

class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: StoreHealth }) store!: StoreHealth;
}

@ApiTags('drift')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOkResponse({ type: HealthReport, description: 'Whether the event store answers, and how far the log reaches' })
  async health(): Promise<HealthReport> {
    try {
      const headPosition = await this.store.headPosition();
      return { status: 'ok', store: { reachable: true, headPosition } };
    } catch (error) {
      return { status: 'degraded', store: { reachable: false, headPosition: 0, error: String(error) } };
    }
  }
}
