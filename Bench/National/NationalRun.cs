using Scorecard.Bench.Support;

namespace Scorecard.Bench.National;

/// <summary>What one run of the national benchmark measured, filled in as it goes.</summary>
internal sealed class NationalRun
{
    public long Dossiers { get; init; }

    public int Iterations { get; init; }

    /// <summary>Null when the database was reused.</summary>
    public TimeSpan? Generation { get; set; }

    public int Units { get; set; }

    /// <summary>The dossiers the facts count (generated rows × <see cref="NationalData.Weight"/>).</summary>
    public long Written { get; set; }

    /// <summary>From the start of the API until the indicator values hold every figure.</summary>
    public TimeSpan Refresh { get; set; }

    public double RefreshPeakMiB { get; set; }

    /// <summary>The peak of the process's own memory (RssAnon) during the first refresh.</summary>
    public double RefreshAnonymousPeakMiB { get; set; }

    public double ServingPeakMiB { get; set; }

    /// <summary>The peak of the process's own memory (RssAnon) while serving.</summary>
    public double ServingAnonymousPeakMiB { get; set; }

    public double EndMiB { get; set; }

    public double SizeMiB { get; set; }

    public IReadOnlyList<(string Table, long Rows)> Rows { get; set; } = [];

    public List<(NationalRoutes.Route Route, Latency Latency, int Rows)> Results { get; } = [];
}
