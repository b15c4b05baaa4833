// OpenTelemetry traces, off unless OTEL_TRACES_EXPORTER is `otlp` (to the collector named by the
// standard OTEL_EXPORTER_OTLP_* variables) or `console`. One span per HTTP request (joining the
// caller's trace from a `traceparent` header), one per GraphQL operation, one per Cypher
// statement. While off, only the API's no-op tracer is touched; the SDK is not even loaded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Context,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

const tracer = trace.getTracer('news-graph');
let enabled = false;

export interface TracingOptions {
  exporter: 'none' | 'otlp' | 'console';
  serviceName: string;
}

/** Installs the tracer provider; the returned function flushes and stops it. */
export async function startTracing(options: TracingOptions): Promise<() => Promise<void>> {
  if (options.exporter === 'none') return async () => undefined;
  const [sdk, { resourceFromAttributes }, { AsyncLocalStorageContextManager }, core] = await Promise.all([
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
  ]);
  const exporter =
    options.exporter === 'console'
      ? new sdk.ConsoleSpanExporter()
      : new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
  const provider = new sdk.TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [new sdk.BatchSpanProcessor({ exporter, scheduledDelayMillis: 1_000 })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new core.W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  enabled = true;
  return async () => {
    enabled = false;
    await provider.shutdown();
  };
}

async function inSpan<T>(span: Span, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** One Cypher statement, as a client span under whatever request is running it. */
export function traceStatement<T>(mode: string, cypher: string, run: () => Promise<T>): Promise<T> {
  if (!enabled) return run();
  const span = tracer.startSpan(`neo4j ${mode.toLowerCase()}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system.name': 'neo4j', 'db.operation.name': mode, 'db.query.text': cypher },
  });
  return context.with(trace.setSpan(context.active(), span), () => inSpan(span, run));
}

/**
 * The span of one HTTP request, continuing the caller's trace when it sent `traceparent`. Work
 * started inside `run` (the GraphQL operation, its statements) becomes its children.
 */
export function traceRequest<T>(
  headers: Record<string, string | string[] | undefined>,
  method: string,
  path: string,
  run: (span: Span | undefined) => T,
): T {
  if (!enabled) return run(undefined);
  const parent: Context = propagation.extract(context.active(), headers);
  const span = tracer.startSpan(
    `${method} ${path}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path } },
    parent,
  );
  return context.with(trace.setSpan(parent, span), () => run(span));
}

/** A span for one GraphQL operation under the current request; end it with the returned function. */
export function startOperationSpan(
  operation: string,
  type: string,
): ((errorCodes: string[]) => void) | undefined {
  if (!enabled) return undefined;
  const span = tracer.startSpan(`graphql ${type} ${operation}`, {
    attributes: { 'graphql.operation.name': operation, 'graphql.operation.type': type },
  });
  return (codes) => {
    if (codes.length > 0) {
      span.setAttribute('graphql.error.codes', codes);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
}

/** An HTTP handler whose every request runs inside its own span (a no-op while tracing is off). */
export function traced(
  handler: (req: IncomingMessage, res: ServerResponse) => unknown,
): (req: IncomingMessage, res: ServerResponse) => unknown {
  return (req, res) =>
    traceRequest(req.headers, req.method ?? 'GET', (req.url ?? '/').split('?')[0] ?? '/', (span) => {
      if (span) {
        res.once('close', () => {
          span.setAttribute('http.response.status_code', res.statusCode);
          if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        });
      }
      return handler(req, res);
    });
}
