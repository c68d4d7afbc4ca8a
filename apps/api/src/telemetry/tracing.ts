import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * OpenTelemetry traces of HTTP, Express, PostgreSQL (pg) and GraphQL, sent over OTLP to
 * OTEL_EXPORTER_OTLP_ENDPOINT; off (nothing loaded, nothing patched) when it is unset. The
 * SDK reads the other standard OTEL_* variables itself (protocol, headers, sampler).
 *
 * Imported first by main.ts: the instrumentations patch modules as they are first required,
 * so they must be in place before anything loads http, express or pg. Pinned to the lines
 * that still run on Node 20 (sdk-node 0.223, auto-instrumentations-node 0.81).
 */
function startTracing(env: NodeJS.ProcessEnv): NodeSDK | undefined {
  if (!env['OTEL_EXPORTER_OTLP_ENDPOINT']) return undefined;
  const sdk = new NodeSDK({
    serviceName: env['OTEL_SERVICE_NAME'] ?? 'pepite-api',
    instrumentations: [
      getNodeAutoInstrumentations({
        // File-system, DNS and socket spans would drown the requests' own.
        '@opentelemetry/instrumentation-fs': { enabled: false },
        '@opentelemetry/instrumentation-dns': { enabled: false },
        '@opentelemetry/instrumentation-net': { enabled: false },
        // Never a value in a span: GraphQL literals are masked and variables left out, SQL
        // parameters left out (passwords, pépin texts and tokens stay out of the collector).
        '@opentelemetry/instrumentation-graphql': { allowValues: false },
        '@opentelemetry/instrumentation-pg': { enhancedDatabaseReporting: false },
        // A health probe every few seconds is not worth a trace.
        '@opentelemetry/instrumentation-http': { ignoreIncomingRequestHook: (request) => (request.url ?? '').startsWith('/health/') },
      }),
    ],
  });
  sdk.start();
  return sdk;
}

export const tracing = startTracing(process.env);
