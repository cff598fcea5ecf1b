using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Api.Reports;

/// <summary>
/// The figures of one period read in the structure of a date (README "Units across reorganisations"): every unit's
/// own counts, read once, regrouped by the unit valid on that date that holds its duties and rolled up the tree of
/// that date. Distinct procedures (3.5b, 4.5a) are regrouped from the unit-procedure pairs, never added.
/// </summary>
internal sealed class StructureFigures
{
    private readonly ReferenceData reference;
    private readonly UnitHolders holders;
    private readonly Dictionary<string, FactCounts> own;
    private readonly Dictionary<string, Ratio>? nationalOwn;
    private readonly Dictionary<string, FactCounts> rolled;
    private readonly Dictionary<string, Ratio>? nationalRolled;
    private readonly Dictionary<string, ProcedureReach> reach;
    private readonly bool reachOfEveryUnit;
    private readonly IReadOnlyList<ReportedValue> reported;

    private StructureFigures(
        ReferenceData reference,
        UnitHolders holders,
        Dictionary<string, FactCounts> own,
        Dictionary<string, Ratio>? nationalOwn,
        IEnumerable<(string UnitCode, ProcedureUse Use)> uses,
        Dictionary<string, ProcedureReach>? reached,
        IReadOnlyList<ReportedValue> reported
    )
    {
        this.reference = reference;
        this.holders = holders;
        this.own = own;
        this.nationalOwn = nationalOwn;
        this.reported = reported;
        rolled = holders.Roll(own, FactCounts.Add);
        nationalRolled = nationalOwn is null ? null : holders.Roll(nationalOwn, (a, b) => a + b);
        reachOfEveryUnit = reached is null;
        reach = reached ?? Reach(reference, holders, uses);
    }

    public DateOnly On => holders.Date;

    /// <param name="reachOf">The units whose procedure reach (3.5b, 4.5a) is read, each over what it holds; null for
    /// every unit (the unit-procedure pairs of the period are then read and regrouped).</param>
    public static async Task<StructureFigures> ReadAsync(
        ReferenceData reference,
        UnitHolders holders,
        Period period,
        OnTimeRule rule,
        DateTimeOffset asOf,
        IReadOnlyCollection<Unit>? reachOf,
        (FactsQuery Facts, NationalOnTimeQuery National, ProcedureReachQuery Reach, ReportedValueStore Reported) from,
        CancellationToken ct
    )
    {
        var codes = reference.Units.Units.ToDictionary(u => reference.UnitId(u.Code)!.Value, u => u.Code);
        // The facts and the national rule run at once on threads of their own (SQLite's reads complete
        // synchronously) while this one reads the procedures; the rule reuses the period's counts.
        var counting = Task.Run(() => from.Facts.SumPerUnitAsync(period.FirstDay, period.LastDay, ct), ct);
        var judging =
            rule == OnTimeRule.National
                ? Task.Run(() => from.National.PerUnitAsync(period.Start, period.End, asOf, ct, within: counting), ct)
                : null;
        var reading = Task.WhenAll(new Task?[] { counting, judging }.OfType<Task>());
        var uses = reachOf is null
            ? await from.Reach.PairsAsync(period.Start, period.End, ct).ConfigureAwait(false)
            : [];
        Dictionary<string, ProcedureReach>? reached = null;
        if (reachOf is not null)
        {
            reached = new Dictionary<string, ProcedureReach>(StringComparer.Ordinal);
            foreach (var unit in reachOf.Where(u => holders.HolderOf(u.Code) == u.Code))
            {
                var (subtrees, singles) = holders.HeldCover(unit.Code);
                reached[unit.Code] = await from
                    .Reach.OverCoverAsync(
                        [
                            .. subtrees.Select(c =>
                                (reference.UnitId(c)!.Value, WireName.Of(reference.Units.Find(c)!.Level))
                            ),
                        ],
                        [.. singles.Select(c => reference.UnitId(c)!.Value)],
                        WireName.Of(unit.Level),
                        period.Start,
                        period.End,
                        ct
                    )
                    .ConfigureAwait(false);
            }
        }

        var values = await from.Reported.ForPeriodAsync(period.Code, ct).ConfigureAwait(false);
        await reading.ConfigureAwait(false);
        var counts = await counting.ConfigureAwait(false);
        var national = judging is null ? null : await judging.ConfigureAwait(false);
        return new StructureFigures(
            reference,
            holders,
            counts
                .Where(c => codes.ContainsKey(c.Key))
                .ToDictionary(c => codes[c.Key], c => c.Value, StringComparer.Ordinal),
            national
                ?.Where(c => codes.ContainsKey(c.Key))
                .ToDictionary(c => codes[c.Key], c => c.Value, StringComparer.Ordinal),
            uses.Where(u => codes.ContainsKey(u.UnitId)).Select(u => (codes[u.UnitId], u)),
            reached,
            values
        );
    }

    /// <summary>The figures of one period from every unit's own counts, already read (the stored figures read them
    /// once and regroup them for each reading).</summary>
    public static StructureFigures From(
        ReferenceData reference,
        UnitHolders holders,
        Dictionary<string, FactCounts> own,
        Dictionary<string, Ratio>? nationalOwn,
        IEnumerable<(string UnitCode, ProcedureUse Use)> uses,
        IReadOnlyList<ReportedValue> reported
    ) => new(reference, holders, own, nationalOwn, uses, null, reported);

    /// <summary>True when the unit is valid on the structure's date (it has figures in this reading).</summary>
    public bool Has(string code) => rolled.ContainsKey(code);

    /// <summary>The valid units of the structure.</summary>
    public IEnumerable<string> Units => rolled.Keys;

    /// <summary>A valid unit's figures over its subtree in this structure (without the procedure-reach indicators
    /// when they were not read for it).</summary>
    public Dictionary<string, Ratio?> Of(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        Ratio? onTime = nationalRolled is null ? null : nationalRolled.GetValueOrDefault(unit.Code);
        ProcedureReach? reached =
            reach.TryGetValue(unit.Code, out var r) ? r
            : reachOfEveryUnit ? new ProcedureReach(0, 0)
            : null;
        return UnitFigures.Assemble(
            reference,
            unit.Code,
            unit.Level,
            rolled.GetValueOrDefault(unit.Code),
            onTime,
            reached,
            reported,
            subtree: true
        );
    }

    /// <summary>A valid unit's figures grouped by the level of the units (of this structure) that hold the
    /// dossiers.</summary>
    public IReadOnlyList<(UnitLevel Level, Dictionary<string, Ratio?> Figures)> ByLevel(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var result = new List<(UnitLevel, Dictionary<string, Ratio?>)>();
        foreach (var level in Enum.GetValues<UnitLevel>())
        {
            bool HeldAt(string code) =>
                holders.HolderOf(code) is { } holder && reference.Units.Find(holder)!.Level == level;
            var counts = holders.Roll(
                own.Where(o => HeldAt(o.Key)).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal),
                FactCounts.Add
            );
            if (!counts.TryGetValue(unit.Code, out var sum) || sum.IsZero)
            {
                continue;
            }

            Ratio? onTime = nationalOwn is null
                ? null
                : holders
                    .Roll(
                        nationalOwn
                            .Where(o => HeldAt(o.Key))
                            .ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal),
                        (a, b) => a + b
                    )
                    .GetValueOrDefault(unit.Code);
            result.Add(
                (level, UnitFigures.Assemble(reference, unit.Code, level, sum, onTime, null, [], subtree: false))
            );
        }

        return result;
    }

    private static Dictionary<string, ProcedureReach> Reach(
        ReferenceData reference,
        UnitHolders holders,
        IEnumerable<(string UnitCode, ProcedureUse Use)> uses
    )
    {
        var sets = new Dictionary<string, (HashSet<int>, HashSet<int>)>(StringComparer.Ordinal);
        foreach (var (code, use) in uses)
        {
            // Each unit of the procedure's level on the way up from the holder counts the procedure once.
            var level = WireName.Parse<UnitLevel>(use.Level);
            for (var at = holders.HolderOf(code); at is not null; at = reference.Units.Find(at)!.ParentCode)
            {
                if (reference.Units.Find(at)!.Level != level)
                {
                    continue;
                }

                if (!sets.TryGetValue(at, out var set))
                {
                    sets[at] = set = ([], []);
                }

                if (use.PaidOnline)
                {
                    set.Item1.Add(use.ProcedureId);
                }

                if (use.PopulationDb)
                {
                    set.Item2.Add(use.ProcedureId);
                }
            }
        }

        return sets.ToDictionary(
            s => s.Key,
            s => new ProcedureReach(s.Value.Item1.Count, s.Value.Item2.Count),
            StringComparer.Ordinal
        );
    }
}
