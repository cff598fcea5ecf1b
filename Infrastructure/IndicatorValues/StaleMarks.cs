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

    /// <summary>SQLite: insert the mark or bump its version (the SQL Server twin is <see cref="MarkSqlServerSql"/>).</summary>
    public const string MarkSqliteSql = """
        INSERT INTO indicator_values_stale (month, version) VALUES (@Month, 1)
        ON CONFLICT (month) DO UPDATE SET version = indicator_values_stale.version + 1
        """;

    /// <summary>SQL Server: the same; the range lock keeps two writers from inserting the same mark.</summary>
    public const string MarkSqlServerSql = """
        UPDATE indicator_values_stale WITH (UPDLOCK, SERIALIZABLE) SET version = version + 1 WHERE month = @Month;
        IF @@ROWCOUNT = 0
            INSERT INTO indicator_values_stale (month, version) VALUES (@Month, 1);
        """;

    /// <summary>The mark of a month: its first day, <c>yyyy-MM-dd</c>.</summary>
    public static string Of(DateOnly month) =>
        DapperTypeHandlers.FormatDate(new DateOnly(month.Year, month.Month, 1));

    public static string MarkSql(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? MarkSqliteSql : MarkSqlServerSql;

    /// <summary>Marks every indicator value stale inside the caller's transaction (reference data changed).</summary>
    public static Task MarkAllAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(MarkSql(provider), new { Month = Ansi(All) }, transaction, cancellationToken: ct));

    /// <summary>Codes travel as ANSI parameters so that SQL Server seeks on the varchar key.</summary>
    internal static DbString Ansi(string value) => new() { Value = value, IsAnsi = true, Length = 10 };
}
