using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Hosting;

/// <summary>Ready when start-up migrated the schema and the database answers a query now.</summary>
internal sealed class DatabaseReadyCheck(DatabaseState state, DbConnectionFactory db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        if (!state.IsMigrated)
        {
            return HealthCheckResult.Unhealthy(
                state.LastError is null
                    ? "Migrations have not run yet."
                    : "The database is not available: " + state.LastError
            );
        }

        try
        {
            await db.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Database reachable, schema current.");
        }
        catch (Exception ex)
            when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable: " + ex.GetType().Name);
        }
    }
}
