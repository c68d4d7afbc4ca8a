import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { PublicAccess } from '@pepite/api/identity';
import { LifecycleState } from './lifecycle-state';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly lifecycle: LifecycleState,
  ) {}

  /** Public for orchestrators: the process is up. */
  @PublicAccess()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Public for orchestrators: ready for traffic (database answers, not shutting down). */
  @PublicAccess()
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    if (this.lifecycle.isDraining) {
      throw new ServiceUnavailableException({ status: 'error', info: {}, error: { shutdown: { status: 'down' } } });
    }
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2_000 })]);
  }
}
