import { Module, type DynamicModule } from '@nestjs/common';
import { ApiMetrics } from './api-metrics';
import { MetricsCollectors } from './metrics-collectors';
import { METRICS_OPTIONS, MetricsEndpoint, type MetricsOptions } from './metrics-endpoint';

/**
 * Prometheus metrics: the registry the HTTP server and Apollo record into (made by the
 * composition root, which hands it to both), the collectors read at scrape time, and the
 * endpoint. The pépins context (global) gives the overdue counts, the jobs module the queue.
 */
@Module({})
export class MetricsModule {
  static forRoot(metrics: ApiMetrics, options: MetricsOptions): DynamicModule {
    return {
      module: MetricsModule,
      providers: [{ provide: ApiMetrics, useValue: metrics }, { provide: METRICS_OPTIONS, useValue: options }, MetricsCollectors, MetricsEndpoint],
      exports: [ApiMetrics, MetricsEndpoint],
    };
  }
}
