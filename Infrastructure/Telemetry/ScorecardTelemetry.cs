using System.Diagnostics;

namespace Scorecard.Infrastructure.Telemetry;

/// <summary>
/// The names the service's own traces and metrics are published under, with System.Diagnostics only: whoever
/// listens (OpenTelemetry when it is configured, a test's listener) subscribes to these names.
/// </summary>
public static class ScorecardTelemetry
{
    /// <summary>The name of the service's ActivitySource and Meter.</summary>
    public const string Name = "Scorecard";

    /// <summary>Spans of the service's own work (an ingestion transaction); requests are traced by ASP.NET
    /// Core.</summary>
    public static readonly ActivitySource Source = new(Name);
}
