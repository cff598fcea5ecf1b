using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scorecard.Infrastructure.Telemetry;

namespace Scorecard.Api.Hosting;

/// <summary>
/// OpenTelemetry, on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector: traces of requests (health
/// probes left out), of the service's own work (<see cref="ScorecardTelemetry.Source"/>) and, on SQL Server, of
/// its commands; metrics of requests and of <see cref="ScorecardMetrics"/>; both sent by OTLP. The exporter
/// reads the other standard <c>OTEL_*</c> variables itself (protocol, headers, timeout).
/// </summary>
internal static class Telemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[EndpointSetting]);

    public static IServiceCollection AddScorecardTelemetry(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }

        var sqlServer = string.Equals(
            configuration["Database:Provider"],
            "SqlServer",
            StringComparison.OrdinalIgnoreCase
        );
        services
            .AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "scorecard"))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(ScorecardTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o =>
                        o.Filter = c =>
                            !c.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                    );
                if (sqlServer)
                {
                    tracing.AddSqlClientInstrumentation();
                }

                tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
                metrics
                    .AddMeter(ScorecardTelemetry.Name, "Microsoft.AspNetCore.RateLimiting")
                    .AddAspNetCoreInstrumentation()
                    .AddOtlpExporter()
            );
        return services;
    }
}
