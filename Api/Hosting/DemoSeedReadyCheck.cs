using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Api.Hosting;

/// <summary>
/// Degraded while the demo province is being seeded: the service answers, but its figures are still
/// growing. Degraded readiness is a 200 (so a balancer keeps the demo reachable) saying how far seeding is.
/// </summary>
internal sealed class DemoSeedReadyCheck(DemoSeedProgress progress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    ) =>
        Task.FromResult(
            progress.Current is not { } stage
                ? HealthCheckResult.Healthy("No demo seeding under way.")
                : HealthCheckResult.Degraded(
                    $"Seeding the demo province: step {stage.Number}/{DemoSeedProgress.Steps} ({stage.What}), "
                        + $"{stage.Percent} % of it done; figures are incomplete until it ends.",
                    data: new Dictionary<string, object>(StringComparer.Ordinal)
                    {
                        ["step"] = stage.Number,
                        ["steps"] = DemoSeedProgress.Steps,
                        ["stage"] = stage.What,
                        ["percent"] = stage.Percent,
                    }
                )
        );
}
