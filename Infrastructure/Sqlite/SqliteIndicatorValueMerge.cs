using Dapper;
using Microsoft.Data.Sqlite;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Infrastructure.Sqlite;

/// <summary>
/// SQLite: brings the rows of some periods (or of all) to a recomputed set by writing only what
/// differs. A row whose figures moved is updated in place (its key, and so both period indexes,
/// stay untouched); an identical row is not written at all; a stored row the set no longer has is
/// deleted. Under heavy ingestion most figures move, yet the write transaction, which the ingestion
/// writer waits for, stays a fraction of deleting and inserting every row.
/// </summary>
internal static class SqliteIndicatorValueMerge
{
    private const string PeriodKeysSql =
        "SELECT unit_code, indicator_code, period, structure FROM indicator_values WHERE period = @Period";

    private const string AllKeysSql = "SELECT unit_code, indicator_code, period, structure FROM indicator_values";

    internal const string UpsertSql = """
        INSERT INTO indicator_values (unit_code, indicator_code, period, period_type, period_start, period_end,
            numerator, denominator, value, band, target, structure)
        VALUES (@UnitCode, @IndicatorCode, @Period, @PeriodType, @PeriodStart, @PeriodEnd, @Numerator, @Denominator,
            @Value, @Band, @Target, @Structure)
        ON CONFLICT (unit_code, indicator_code, period, structure) DO UPDATE SET
            numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value,
                band = excluded.band, target = excluded.target
        WHERE numerator IS NOT excluded.numerator OR denominator IS NOT excluded.denominator
            OR value IS NOT excluded.value
            OR band IS NOT excluded.band OR target IS NOT excluded.target
        """;

    internal const string DeleteSql =
        "DELETE FROM indicator_values WHERE unit_code = @UnitCode AND indicator_code = "
        + "@IndicatorCode AND period = @Period AND structure = @Structure";

    /// <summary>The statements bound by position, with the parameter at each position (for the test that holds them to
    /// it).</summary>
    internal static IReadOnlyList<(string Sql, string[] Parameters)> BoundStatements { get; } =
    [
        (
            UpsertSql,
            [
                "@UnitCode",
                "@IndicatorCode",
                "@Period",
                "@PeriodType",
                "@PeriodStart",
                "@PeriodEnd",
                "@Numerator",
                "@Denominator",
                "@Value",
                "@Band",
                "@Target",
                "@Structure",
            ]
        ),
        (DeleteSql, ["@UnitCode", "@IndicatorCode", "@Period", "@Structure"]),
    ];

    /// <returns>The number of rows inserted, updated or deleted.</returns>
    public static async Task<int> MergeAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyCollection<string>? periods,
        IReadOnlyList<IndicatorValueRow> rows,
        CancellationToken ct
    )
    {
        Task<IEnumerable<(string, string, string, string)>> KeysAsync(string sql, object? parameters) =>
            connection.QueryAsync<(string, string, string, string)>(
                new CommandDefinition(sql, parameters, transaction, cancellationToken: ct)
            );

        var stale = new HashSet<(string Unit, string Indicator, string Period, string Structure)>();
        if (periods is null)
        {
            stale.UnionWith(await KeysAsync(AllKeysSql, null).ConfigureAwait(false));
        }
        else
        {
            foreach (var period in periods)
            {
                stale.UnionWith(await KeysAsync(PeriodKeysSql, new { Period = period }).ConfigureAwait(false));
            }
        }

        var written = 0;
        using (var upsert = new SqliteStatement(connection, UpsertSql))
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                Bind(upsert, row);
                written += upsert.Execute();
                stale.Remove((row.UnitCode, row.IndicatorCode, row.Period, row.Structure));
            }
        }

        using var delete = new SqliteStatement(connection, DeleteSql);
        foreach (var (unit, indicator, period, structure) in stale)
        {
            delete.Bind(1, unit);
            delete.Bind(2, indicator);
            delete.Bind(3, period);
            delete.Bind(4, structure);
            written += delete.Execute();
        }

        return written;
    }

    private static void Bind(SqliteStatement s, IndicatorValueRow row)
    {
        s.Bind(1, row.UnitCode);
        s.Bind(2, row.IndicatorCode);
        s.Bind(3, row.Period);
        s.Bind(4, row.PeriodType);
        s.Bind(5, DapperTypeHandlers.FormatDate(row.PeriodStart));
        s.Bind(6, DapperTypeHandlers.FormatDate(row.PeriodEnd));
        s.Bind(7, row.Numerator);
        s.Bind(8, row.Denominator);
        s.Bind(9, row.Value);
        s.Bind(10, row.Band);
        s.Bind(11, row.Target);
        s.Bind(12, row.Structure);
    }
}
