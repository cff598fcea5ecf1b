using System.Data.Common;
using Dapper;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.IndicatorValues;

/// <summary>
/// Marks in <c>indicator_values_stale</c>: a month whose facts changed, or <see cref="All"/> when
/// reference data changed. They are written inside the transaction of the change, so a committed
/// change is never without its mark; each mark bumps a version, so the refresher can remove exactly
/// the marks it has handled.
/// </summary>
public static class StaleMarks
{
    /// <summary>The mark that makes every indicator value stale.</summary>
    public const string All = "all";

    /// <summary>The mark of a month: its first day, <c>yyyy-MM-dd</c>.</summary>
    public static string Of(DateOnly month) => DapperTypeHandlers.FormatDate(new DateOnly(month.Year, month.Month, 1));

    /// <summary>Marks every indicator value stale inside the caller's transaction (reference data changed).</summary>
    public static Task MarkAllAsync(
        DbConnection connection,
        DbTransaction transaction,
        IDatabaseDialect dialect,
        CancellationToken ct
    ) =>
        connection.ExecuteAsync(
            new CommandDefinition(dialect.MarkStaleSql, new { Month = Ansi(All) }, transaction, cancellationToken: ct)
        );

    /// <summary>Codes travel as ANSI parameters so that SQL Server seeks on the varchar key.</summary>
    internal static DbString Ansi(string value) =>
        new()
        {
            Value = value,
            IsAnsi = true,
            Length = 10,
        };
}
