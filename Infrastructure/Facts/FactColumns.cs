using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Facts;

/// <summary>
/// The columns of <c>daily_facts</c> and <c>monthly_facts</c>, derived from <see cref="FactCounter"/>:
/// every list of counter columns a statement needs, and the two tables' row definitions.
/// </summary>
public static class FactColumns
{
    private static readonly FactCounter[] All =
    [
        .. Enumerable.Range(0, (int)FactCounter.Count).Select(i => (FactCounter)i),
    ];

    /// <summary><c>received, digitised, …</c></summary>
    public static string Names { get; } = string.Join(", ", All.Select(Column));

    /// <summary><c>@Received, @Digitised, …</c></summary>
    public static string Values { get; } = string.Join(", ", All.Select(c => "@" + c));

    /// <summary><c>received AS Received, …</c></summary>
    public static string Select { get; } = string.Join(", ", All.Select(c => $"{Column(c)} AS {c}"));

    /// <summary>The counters summed over the rows of <c>daily_facts f</c> (or monthly), aliased by counter
    /// name.</summary>
    public static string Sums { get; } = string.Join(", ", All.Select(Sum));

    /// <summary>
    /// The numerator and denominator sums of each dossier-based indicator (a fixed whitelist: only
    /// these names ever reach SQL text).
    /// </summary>
    public static IReadOnlyDictionary<string, string> SumsOf { get; } =
        new Dictionary<string, string>(
            FactCounts
                .Indicators.Select(i =>
                    KeyValuePair.Create(i.Key, $"{Sum(i.Value.Numerator)}, {Sum(i.Value.Denominator)}")
                )
                .Append(
                    KeyValuePair.Create(
                        NationalOnTime,
                        string.Join(", ", FactCounts.NationalOnTimeCounters.Select(Sum))
                    )
                ),
            StringComparer.Ordinal
        );

    /// <summary>The key of <see cref="SumsOf"/> that sums the counters of the national on-time rule.</summary>
    public const string NationalOnTime = "on-time.national";

    /// <summary>True when a read for <paramref name="indicator"/> sums every counter (no indicator, or one without
    /// its own entry in <see cref="SumsOf"/>).</summary>
    public static bool SumsEvery(string? indicator) => indicator is null || !SumsOf.ContainsKey(indicator);

    /// <summary>SQL Server: add the staged counts <c>s</c> to the stored row <c>f</c> (daily or monthly).</summary>
    public static string AddStaged { get; } = string.Join(", ", All.Select(Column).Select(c => $"{c} = f.{c} + s.{c}"));

    /// <summary>Every counter is zero (the row can go).</summary>
    public static string AllZero { get; } = string.Join(" AND ", All.Select(c => $"{Column(c)} = 0"));

    /// <summary>The rows of <c>daily_facts</c>: unit, day, counters.</summary>
    internal static TableColumns<FactRow> Daily { get; } = Rows("day");

    /// <summary>The rows of <c>monthly_facts</c>: unit, month (its first day), counters.</summary>
    internal static TableColumns<FactRow> Monthly { get; } = Rows("month");

    /// <summary>SQLite upsert: add the incoming counts to those stored in <paramref name="table"/>.</summary>
    public static string AddExcluded(string table) =>
        string.Join(", ", All.Select(Column).Select(c => $"{c} = {table}.{c} + excluded.{c}"));

    /// <summary>The column of a counter: its name in snake case.</summary>
    public static string Column(FactCounter counter) =>
        string.Concat(
            counter
                .ToString()
                .Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(ch) : ch.ToString())
        );

    private static string Sum(FactCounter counter) => $"SUM(f.{Column(counter)}) AS {counter}";

    private static TableColumns<FactRow> Rows(string key) =>
        new([
            TableColumn<FactRow>.Int32("unit_id", r => r.UnitId),
            TableColumn<FactRow>.Date(key, r => r.Key),
            .. All.Select(c => TableColumn<FactRow>.Int64(Column(c), r => r.Counts[c])),
        ]);
}

/// <summary>A row of a facts table: the unit, the day (or month), the counts.</summary>
internal readonly record struct FactRow(int UnitId, DateOnly Key, FactCounts Counts);
