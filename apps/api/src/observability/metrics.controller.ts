import { applyDecorators, Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../audit/roles.guard';
import { ApiProblem } from '../http/api-errors.decorator';
import { Metrics } from './metrics';

const ApiMetricsErrors = () =>
  applyDecorators(ApiProblem(401, 'Missing, expired or invalid bearer token'), ApiProblem(403, 'Only admin may read the metrics'));

/**
 * Prometheus metrics for the operator. Behind an admin token like every
 * other operational route that is not a probe: route patterns, traffic and
 * lag are not for the public, and the API usually listens behind a reverse
 * proxy on the same host, so "only from loopback" would not tell a local
 * scraper from the internet.
 */
@ApiTags('drift')
@ApiBearerAuth()
@Roles('admin')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('cache-control', 'no-store')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    description:
      'Text exposition format: sagsgang_http_requests_total, sagsgang_http_request_duration_seconds, sagsgang_events_appended_total, sagsgang_expected_revision_conflicts_total, sagsgang_projection_lag, sagsgang_process_manager_lag, sagsgang_log_reconnects_total, sagsgang_data_free_bytes, sagsgang_data_full and the default Node.js process metrics.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The metrics in Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiMetricsErrors()
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
