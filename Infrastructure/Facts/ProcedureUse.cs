using Scorecard.Domain.Time;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Dossiers;

namespace Scorecard.Infrastructure.Facts;

/// <summary>
/// The rows of <c>procedure_use</c>: per unit, procedure level, year and procedure, how many of the unit's own
/// dossiers received in each month were paid online (<c>paid_online_01</c> … <c>_12</c>) and how many used the
/// population database or a VNeID account (<c>population_db_01</c> … <c>_12</c>). The procedure-reach
/// indicators (3.5b, 4.5a) count the procedures of a unit's level with a dossier of its subtree in a period's
/// months: from these rows, without a pass over the dossiers.
/// </summary>
public static class ProcedureUseColumns
{
    public const int Months = 12;

    /// <summary><c>paid_online_01</c> … <c>paid_online_12</c>, then <c>population_db_01</c> … <c>_12</c>.</summary>
    public static IReadOnlyList<string> Counters { get; } =
    [
        .. Enumerable.Range(1, Months).Select(m => $"paid_online_{m:D2}"),
        .. Enumerable.Range(1, Months).Select(m => $"population_db_{m:D2}"),
    ];

    /// <summary>The rows: unit, level, year, procedure, counters.</summary>
    internal static TableColumns<ProcedureUseRow> Table { get; } =
        new([
            TableColumn<ProcedureUseRow>.Int32("unit_id", r => r.Key.UnitId),
            TableColumn<ProcedureUseRow>.Text("level", r => r.Key.Level),
            TableColumn<ProcedureUseRow>.Int32("year", r => r.Key.Year),
            TableColumn<ProcedureUseRow>.Int32("procedure_id", r => r.Key.ProcedureId),
            .. Counters.Select((c, i) => TableColumn<ProcedureUseRow>.Int64(c, r => r.Counts[i])),
        ]);

    /// <summary>SQLite upsert into <paramref name="table"/>: add the incoming counts to the stored ones.</summary>
    public static string AddExcluded(string table) =>
        string.Join(", ", Counters.Select(c => $"{c} = {table}.{c} + excluded.{c}"));

    /// <summary><c>paid_online_01, …</c></summary>
    public static string Names { get; } = string.Join(", ", Counters);

    /// <summary><c>k.paid_online_01, …</c>: the counters of the source aliased <paramref name="alias"/>.</summary>
    public static string Of(string alias) => string.Join(", ", Counters.Select(c => $"{alias}.{c}"));

    /// <summary><c>SUM(u.paid_online_01), …</c></summary>
    public static string Sums { get; } = string.Join(", ", Counters.Select(c => $"SUM(u.{c})"));

    /// <summary>
    /// procedure_reach made anew from procedure_use: each unit's rows summed into every ancestor (itself included)
    /// of the procedure's level. Run when the unit tree changes.
    /// </summary>
    public static readonly string RebuildReachSql = $"""
        DELETE FROM procedure_reach;
        INSERT INTO procedure_reach (unit_id, year, procedure_id, {Names})
        SELECT c.ancestor_id, u.year, u.procedure_id, {Sums}
        FROM procedure_use u
            INNER JOIN unit_closure c ON c.descendant_id = u.unit_id
            INNER JOIN units a ON a.id = c.ancestor_id AND a.level = u.level
        GROUP BY c.ancestor_id, u.year, u.procedure_id;
        """;

    /// <summary>SQL Server: add the staged counts <c>s</c> to the stored row <c>u</c>.</summary>
    public static string AddStaged { get; } = string.Join(", ", Counters.Select(c => $"{c} = u.{c} + s.{c}"));

    /// <summary>Every counter is zero (the row can go).</summary>
    public static string AllZero { get; } = string.Join(" AND ", Counters.Select(c => $"{c} = 0"));

    /// <summary>The sum of row <c>u</c>'s paid-online (or population-database) counts of months <paramref
    /// name="from"/> to <paramref name="to"/> of its year.</summary>
    public static string Sum(bool paid, int from, int to) =>
        string.Join(
            " + ",
            Enumerable.Range(from, to - from + 1).Select(m => "u." + Counters[m - 1 + (paid ? 0 : Months)])
        );

    /// <summary>
    /// The sum of row <c>u</c>'s paid-online (or population-database) counts over the months between
    /// <c>@FromMonth</c> and <c>@ToMonth</c> (each <c>year × 100 + month</c>).
    /// </summary>
    public static string InMonths(bool paid) =>
        string.Join(
            " + ",
            Enumerable
                .Range(1, Months)
                .Select(m =>
                    $"CASE WHEN u.year * 100 + {m} BETWEEN @FromMonth AND @ToMonth "
                    + $"THEN u.{Counters[m - 1 + (paid ? 0 : Months)]} ELSE 0 END"
                )
        );
}

/// <summary>The key of a <c>procedure_use</c> row.</summary>
public readonly record struct ProcedureUseKey(int UnitId, string Level, int Year, int ProcedureId);

/// <summary>A row of <c>procedure_use</c> (or a change to one).</summary>
internal sealed record ProcedureUseRow(ProcedureUseKey Key, long[] Counts)
{
    /// <summary>What a dossier row adds: its month's counters, or nothing when it was neither paid online nor used
    /// the population database.</summary>
    public static (ProcedureUseKey Key, int Paid, int Population)? Of(DossierRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var population = row.PopulationDbUsed || row.VneidAuthenticated;
        if (!row.PaidOnline && !population)
        {
            return null;
        }

        var month = VietnamTime.DateOf(row.ReceivedAt);
        return (
            new ProcedureUseKey(row.UnitId, row.ProcedureLevel, month.Year, row.ProcedureId),
            row.PaidOnline ? month.Month - 1 : -1,
            population ? ProcedureUseColumns.Months + month.Month - 1 : -1
        );
    }
}
