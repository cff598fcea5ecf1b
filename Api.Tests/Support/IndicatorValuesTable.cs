using Dapper;

namespace Scorecard.Api.Tests.Support;

/// <summary>Reads <c>indicator_values</c> and its stale marks straight from a test factory's database.</summary>
internal static class IndicatorValuesTable
{
    /// <summary>The rows of one unit and period in one reading of the units, by indicator code.</summary>
    public static async Task<Dictionary<string, Row>> RowsAsync(
        ScorecardFactory factory,
        string unitCode,
        string period,
        string structure = "as-of"
    )
    {
        await using var connection = await factory.OpenDatabaseAsync();
        var rows = await connection.QueryAsync<Row>(
            """
            SELECT indicator_code AS IndicatorCode, period_type AS PeriodType, period_start AS PeriodStart,
                period_end AS PeriodEnd,
                   numerator AS Numerator, denominator AS Denominator, value AS Value, band AS Band, target AS Target
            FROM indicator_values WHERE unit_code = @UnitCode AND period = @Period AND structure = @Structure
            """,
            new
            {
                UnitCode = unitCode,
                Period = period,
                Structure = structure,
            }
        );
        return rows.ToDictionary(r => r.IndicatorCode);
    }

    /// <summary>How many rows each period has in one reading of the units.</summary>
    public static async Task<Dictionary<string, long>> CountsByPeriodAsync(
        ScorecardFactory factory,
        string structure = "as-of"
    )
    {
        await using var connection = await factory.OpenDatabaseAsync();
        var counts = await connection.QueryAsync<(string Period, long Count)>(
            "SELECT period, CAST(COUNT(*) AS bigint) FROM indicator_values WHERE structure = @Structure "
                + "GROUP BY period",
            new { Structure = structure }
        );
        return counts.ToDictionary(c => c.Period, c => c.Count);
    }

    /// <summary>Every row of <c>indicator_values</c> and <c>index_scores</c>, each as one line of text, in key
    /// order.</summary>
    public static async Task<List<string>> EveryRowAsync(ScorecardFactory factory)
    {
        await using var connection = await factory.OpenDatabaseAsync();
        var values = await connection.QueryAsync<string>(
            """
            SELECT unit_code || '|' || indicator_code || '|' || period || '|' || structure || '|' || period_type || '|'
                || period_start || '|' || period_end || '|' || numerator || '|' || denominator || '|'
                || COALESCE(value, '') || '|' || COALESCE(band, '') || '|' || COALESCE(target, '')
            FROM indicator_values ORDER BY unit_code, indicator_code, period, structure
            """
        );
        var scores = await connection.QueryAsync<string>(
            """
            SELECT unit_code || '|' || period || '|' || code || '|' || structure || '|' || kind || '|'
                || COALESCE(numerator, '') || '|' || COALESCE(denominator, '') || '|' || points || '|' || max_points
            FROM index_scores ORDER BY unit_code, period, code, structure
            """
        );
        return [.. values, .. scores];
    }

    /// <summary>The stale marks (months as 'yyyy-MM-dd', or 'all').</summary>
    public static async Task<List<string>> MarksAsync(ScorecardFactory factory)
    {
        await using var connection = await factory.OpenDatabaseAsync();
        return [.. await connection.QueryAsync<string>("SELECT month FROM indicator_values_stale ORDER BY month")];
    }

    internal sealed class Row
    {
        public string IndicatorCode { get; init; } = "";
        public string PeriodType { get; init; } = "";
        public DateOnly PeriodStart { get; init; }
        public DateOnly PeriodEnd { get; init; }
        public long Numerator { get; init; }
        public long Denominator { get; init; }
        public double? Value { get; init; }
        public string Band { get; init; } = "";
        public double? Target { get; init; }

        /// <summary>The figure as the scorecard shows it: numerator, denominator, value, band and target.</summary>
        public (long, long, decimal?, string, decimal?) Figure =>
            (Numerator, Denominator, (decimal?)Value, Band, (decimal?)Target);
    }
}
