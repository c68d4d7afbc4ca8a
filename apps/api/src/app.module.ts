import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@pepite/api/audit';
import { dataSourceOptions } from '@pepite/api/database';
import { AuthenticationService, IdentityModule } from '@pepite/api/identity';
import { InsightsModule } from '@pepite/api/insights';
import { NotificationsModule } from '@pepite/api/notifications';
import { PepinsModule } from '@pepite/api/pepins';
import { ProposalsModule } from '@pepite/api/proposals';
import { ReturnPathModule } from '@pepite/api/return-path';
import { RulebookModule } from '@pepite/api/rulebook';
import { VotingModule } from '@pepite/api/voting';
import { WebhooksModule } from '@pepite/api/webhooks';
import type { ApiConfig } from './config/api-config';
import { graphqlOptions } from './graphql/graphql-options';
import { IdentityAuditModule } from './audit/identity-audit.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { currentRequest } from './http/request-context';
import { loggerOptions } from './logging/logger-options';
import type { ApiMetrics } from './metrics/api-metrics';
import { MetricsModule } from './metrics/metrics.module';
import { ALL_ENTITIES, MIGRATIONS } from './schema-parts';

/** The composition root: wires the bounded contexts together. No domain code lives here. */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig, databaseUrl: string, metrics: ApiMetrics): DynamicModule {
    // One rulebook module instance, also handed to the contexts that read releases.
    const rulebook = RulebookModule.forRoot(config.rulebook);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config.logLevel, !config.production && process.stdout.isTTY)),
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: databaseUrl,
            entities: ALL_ENTITIES,
            migrations: MIGRATIONS,
            poolSize: config.dbPoolSize,
            applicationName: 'pepite-api',
          }),
        ),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          // Subscriptions authenticate their WebSocket with the identity context's tokens.
          inject: [AuthenticationService],
          useFactory: (authentication: AuthenticationService) => graphqlOptions(config, authentication, metrics),
        }),
        HealthModule,
        JobsModule.forRoot({ url: databaseUrl, ...config.jobs, controllableClock: config.env === 'test' }),
        IdentityModule.forRoot({ ...config.identity, limitStore: { databaseUrl, redisUrl: config.redisUrl } }),
        rulebook,
        NotificationsModule.forRoot({ mail: config.mail }),
        WebhooksModule.forRoot(config.webhooks),
        // Audit entries carry the X-Request-Id of the request behind them.
        AuditModule.forRoot({ currentRequestId: () => currentRequest()?.requestId }),
        IdentityAuditModule,
        PepinsModule.forRoot({ rulebook }),
        ProposalsModule.forRoot({ rulebook, publication: config.publication }),
        VotingModule.forRoot(),
        InsightsModule.forRoot({ rulebook }),
        ReturnPathModule.forRoot({ rulebook, ...config.returnPath }),
        MetricsModule.forRoot(metrics, config.metrics),
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
