import { Global, Inject, Logger, Module, type BeforeApplicationShutdown, type DynamicModule } from '@nestjs/common';
import { JobQueue } from '@pepite/api/database';

/** One durable job queue for every context; started before they register their workers. */
@Global()
@Module({})
export class JobsModule implements BeforeApplicationShutdown {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  static forRoot(options: { url: string; runWorkers: boolean; pollingIntervalSeconds: number }): DynamicModule {
    return {
      module: JobsModule,
      providers: [
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
      exports: [JobQueue],
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}
