namespace Scorecard.Domain.Units;

/// <summary>
/// The unit hierarchy: every unit's parent exists and no unit is its own ancestor. Built once from
/// all units; answers subtree questions and yields the closure (ancestor, descendant, depth) pairs.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<string, Unit> byCode;
    private readonly Dictionary<string, List<string>> children;

    private UnitTree(Dictionary<string, Unit> byCode)
    {
        this.byCode = byCode;
        children = byCode
            .Values.Where(u => u.ParentCode is not null)
            .GroupBy(u => u.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(u => u.Code).Order(StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal
            );
        TopDown = [.. Roots.SelectMany(Walk)];
    }

    public IReadOnlyCollection<Unit> Units => byCode.Values;

    /// <summary>Every unit, parents before their children.</summary>
    public IReadOnlyList<Unit> TopDown { get; }

    private IEnumerable<string> Roots =>
        byCode.Values.Where(u => u.ParentCode is null).Select(u => u.Code).Order(StringComparer.Ordinal);

    public static UnitTree Build(IEnumerable<Unit> units)
    {
        var tree = TryMerge([], units, out var errors);
        return tree ?? throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)), nameof(units));
    }

    /// <summary>
    /// Applies <paramref name="incoming"/> (upserts by code) over <paramref name="existing"/>; returns
    /// null with every error found when the result would not be a tree.
    /// </summary>
    public static UnitTree? TryMerge(
        IEnumerable<Unit> existing,
        IEnumerable<Unit> incoming,
        out IReadOnlyList<UnitTreeError> errors
    )
    {
        var found = new List<UnitTreeError>();
        var merged = existing.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in incoming)
        {
            if (!seen.Add(unit.Code))
            {
                found.Add(new UnitTreeError(unit.Code, $"Unit '{unit.Code}' appears more than once."));
            }

            merged[unit.Code] = unit;
        }

        foreach (var unit in merged.Values.Where(u => u.ParentCode is not null && !merged.ContainsKey(u.ParentCode)))
        {
            found.Add(new UnitTreeError(unit.Code, $"Unit '{unit.Code}' has unknown parent '{unit.ParentCode}'."));
        }

        found.AddRange(FindCycles(merged));
        found.AddRange(SuccessorErrors(merged));
        errors = found;
        return found.Count == 0 ? new UnitTree(merged) : null;
    }

    public Unit? Find(string code) => byCode.GetValueOrDefault(code);

    public bool Contains(string code) => byCode.ContainsKey(code);

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="code"/> or one of its ancestors.</summary>
    public bool IsAncestorOrSelf(string ancestor, string code)
    {
        for (
            var current = Find(code);
            current is not null;
            current = current.ParentCode is null ? null : Find(current.ParentCode)
        )
        {
            if (string.Equals(current.Code, ancestor, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The codes of the unit's direct children, in code order.</summary>
    public IReadOnlyList<string> Children(string code) => children.TryGetValue(code, out var kids) ? kids : [];

    /// <summary>The unit and all its descendants, parents first.</summary>
    public IEnumerable<Unit> Subtree(string code) => Contains(code) ? Walk(code) : [];

    /// <summary>Every (ancestor, descendant, depth) pair, depth 0 for a unit and itself.</summary>
    public IEnumerable<(string Ancestor, string Descendant, int Depth)> Closure()
    {
        foreach (var unit in TopDown)
        {
            var depth = 0;
            for (
                var current = unit;
                current is not null;
                current = current.ParentCode is null ? null : byCode[current.ParentCode]
            )
            {
                yield return (current.Code, unit.Code, depth++);
            }
        }
    }

    private IEnumerable<Unit> Walk(string code)
    {
        var stack = new Stack<string>();
        stack.Push(code);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return byCode[current];
            if (children.TryGetValue(current, out var kids))
            {
                for (var i = kids.Count - 1; i >= 0; i--)
                {
                    stack.Push(kids[i]);
                }
            }
        }
    }

    /// <summary>
    /// Successors exist and take over the day after the unit ends; a unit with several names its primary successor
    /// among them; following primary successors never leads back to the unit.
    /// </summary>
    private static IEnumerable<UnitTreeError> SuccessorErrors(Dictionary<string, Unit> units)
    {
        foreach (
            var unit in units.Values.Where(u => u.SuccessorCodes.Count > 0).OrderBy(u => u.Code, StringComparer.Ordinal)
        )
        {
            var code = unit.Code;
            if (unit.ValidTo is not { } end)
            {
                yield return new UnitTreeError(
                    code,
                    $"Unit '{code}' has successors but no validTo: successors follow an end."
                );
                continue;
            }

            foreach (var successor in unit.SuccessorCodes)
            {
                if (!units.TryGetValue(successor, out var next))
                {
                    yield return new UnitTreeError(code, $"Unit '{code}' has unknown successor '{successor}'.");
                }
                else if (!next.IsActiveOn(end.AddDays(1)))
                {
                    yield return new UnitTreeError(
                        code,
                        $"Successor '{successor}' of unit '{code}' must be valid on {Day(end.AddDays(1))}, the "
                            + $"day after '{code}' ends (it is valid {Span(next)})."
                    );
                }
            }

            if (
                unit.GivenPrimarySuccessor() is { } primary
                && !unit.SuccessorCodes.Contains(primary, StringComparer.Ordinal)
            )
            {
                yield return new UnitTreeError(
                    code,
                    $"Unit '{code}' names primary successor '{primary}', which is not one of its successors."
                );
            }
            else if (unit.PrimarySuccessor is null)
            {
                yield return new UnitTreeError(
                    code,
                    $"Unit '{code}' has {unit.SuccessorCodes.Count} successors: name the one that takes its history "
                        + "as primarySuccessor."
                );
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in units.Keys.Order(StringComparer.Ordinal))
        {
            var path = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (
                var code = (string?)start;
                code is not null && units.TryGetValue(code, out var u);
                code = u.PrimarySuccessor
            )
            {
                if (!seen.Add(code))
                {
                    var cycle = path.SkipWhile(c => c != code).ToList();
                    if (cycle.All(reported.Add))
                    {
                        yield return new UnitTreeError(
                            code,
                            $"Successors form a cycle: {string.Join(" → ", cycle.Append(code))}."
                        );
                    }

                    break;
                }

                path.Add(code);
            }
        }
    }

    private static string Span(Unit unit) =>
        $"from {(unit.ValidFrom is { } from ? Day(from) : "the start")} "
        + $"to {(unit.ValidTo is { } to ? Day(to) : "today")}";

    private static string Day(DateOnly day) =>
        day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<UnitTreeError> FindCycles(Dictionary<string, Unit> units)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in units.Keys.Order(StringComparer.Ordinal))
        {
            var path = new List<string>();
            var onPath = new HashSet<string>(StringComparer.Ordinal);
            for (var code = start; code is not null && units.TryGetValue(code, out var unit); code = unit.ParentCode)
            {
                if (!onPath.Add(code))
                {
                    var cycle = path.Skip(path.IndexOf(code)).ToList();
                    if (!cycle.Any(reported.Contains))
                    {
                        reported.UnionWith(cycle);
                        var first = cycle.Min(StringComparer.Ordinal)!;
                        yield return new UnitTreeError(
                            first,
                            $"Unit '{first}' would be its own ancestor: {string.Join(" → ", Rotate(cycle, first))} → "
                                + $"{first}."
                        );
                    }

                    break;
                }

                path.Add(code);
            }
        }
    }

    private static IEnumerable<string> Rotate(List<string> cycle, string first)
    {
        var at = cycle.IndexOf(first);
        return cycle.Skip(at).Concat(cycle.Take(at));
    }
}
