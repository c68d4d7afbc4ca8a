import { Global, Inject, Logger, Module, type BeforeApplicationShutdown, type DynamicModule } from '@nestjs/common';
import { Clock, JobQueue } from '@pepite/api/database';

/** One durable job queue and one clock for every context; the queue starts before they register workers. */
@Global()
@Module({})
export class JobsModule implements BeforeApplicationShutdown {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  static forRoot(options: { url: string; runWorkers: boolean; pollingIntervalSeconds: number; maintenanceIntervalSeconds: number; controllableClock: boolean }): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        { provide: Clock, useValue: new Clock(options.controllableClock) },
        {
          provide: JobQueue,
          useFactory: async () => {
            const logger = new Logger('JobQueue');
            const queue = new JobQueue({ ...options, log: (message) => logger.warn(message) });
            await queue.start();
            return queue;
          },
        },
      ],
      exports: [JobQueue, Clock],
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}
