namespace Scorecard.Domain.Units;

/// <summary>
/// The structure of one date (README "Units across reorganisations"): for every unit, the unit valid on that date
/// that holds its duties. A valid unit holds its own; an ended unit's duties pass to its primary successor, then on
/// along that successor's own successors; a unit without successors (an abolished district) passes them to its
/// nearest ancestor, read the same way. Figures in today's structure count each dossier for the holder of the unit
/// that received it, and a unit's figure covers the dossiers held anywhere in its subtree, so a province's total is
/// the same in both readings.
/// </summary>
public sealed class UnitHolders
{
    private readonly UnitTree tree;
    private readonly Dictionary<string, string?> holders = new(StringComparer.Ordinal);
    private readonly bool asReceived;

    private UnitHolders(UnitTree tree, DateOnly date, bool asReceived)
    {
        this.tree = tree;
        this.asReceived = asReceived;
        Date = date;
        foreach (var unit in tree.Units)
        {
            holders[unit.Code] = asReceived ? unit.Code : Resolve(unit.Code, []);
        }
    }

    /// <summary>The date of the structure (<see cref="DateOnly.MinValue"/> for <see cref="AsReceived"/>).</summary>
    public DateOnly Date { get; }

    public static UnitHolders On(UnitTree tree, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new UnitHolders(tree, date, asReceived: false);
    }

    /// <summary>
    /// The as-of reading: every unit, valid or not, holds its own duties, so a unit's figure covers what its subtree
    /// received (every unit has figures). Figures stored for both readings regroup the same own counts through
    /// this and <see cref="On"/>.
    /// </summary>
    public static UnitHolders AsReceived(UnitTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new UnitHolders(tree, DateOnly.MinValue, asReceived: true);
    }

    /// <summary>The unit valid on <see cref="Date"/> that holds <paramref name="code"/>'s duties; null when none
    /// does.</summary>
    public string? HolderOf(string code) => holders.GetValueOrDefault(code);

    /// <summary>
    /// Each unit valid on <see cref="Date"/> (every unit <see cref="AsReceived"/>) with the sum, over its subtree, of
    /// the values of the units they hold (a value per unit that received dossiers: its own counts, never its
    /// subtree's).
    /// </summary>
    public Dictionary<string, T> Roll<T>(IReadOnlyDictionary<string, T> byUnit, Func<T, T, T> add)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(byUnit);
        ArgumentNullException.ThrowIfNull(add);
        var held = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (code, value) in byUnit)
        {
            if (HolderOf(code) is { } holder)
            {
                held[holder] = held.TryGetValue(holder, out var sum) ? add(sum, value) : value;
            }
        }

        // Bottom-up over the tree: each unit adds what it holds to its ancestors' sums.
        var rolled = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var unit in tree.TopDown.Reverse())
        {
            var own = held.GetValueOrDefault(unit.Code);
            foreach (var child in tree.Children(unit.Code))
            {
                if (rolled.TryGetValue(child, out var below))
                {
                    own = add(own, below);
                }
            }

            rolled[unit.Code] = own;
        }

        return tree
            .Units.Where(u => asReceived || u.IsActiveOn(Date))
            .ToDictionary(u => u.Code, u => rolled[u.Code], StringComparer.Ordinal);
    }

    /// <summary>The units whose duties <paramref name="code"/>'s subtree holds on <see cref="Date"/> (itself
    /// included when valid).</summary>
    public IEnumerable<string> HeldUnder(string code) =>
        holders.Where(h => h.Value is { } holder && tree.IsAncestorOrSelf(code, holder)).Select(h => h.Key);

    /// <summary>
    /// <see cref="HeldUnder"/> as few pieces as a database reads them: <c>Subtrees</c>, units whose whole subtree is
    /// held under <paramref name="code"/> (none of their ancestors' is), and <c>Singles</c>, units held there whose
    /// subtree is not (a unit whose children went elsewhere). Together they are every held unit, each once.
    /// </summary>
    public (IReadOnlyList<string> Subtrees, IReadOnlyList<string> Singles) HeldCover(string code)
    {
        var held = HeldUnder(code).ToHashSet(StringComparer.Ordinal);
        var whole = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in tree.TopDown.Reverse())
        {
            if (held.Contains(unit.Code) && tree.Children(unit.Code).All(whole.Contains))
            {
                whole.Add(unit.Code);
            }
        }

        return (
            [
                .. whole
                    .Where(u => tree.Find(u)!.ParentCode is not { } parent || !whole.Contains(parent))
                    .Order(StringComparer.Ordinal),
            ],
            [.. held.Where(u => !whole.Contains(u)).Order(StringComparer.Ordinal)]
        );
    }

    private string? Resolve(string code, HashSet<string> seen)
    {
        if (!seen.Add(code) || tree.Find(code) is not { } unit)
        {
            return null;
        }

        if (unit.IsActiveOn(Date))
        {
            return code;
        }

        if (unit.PrimarySuccessor is { } successor && tree.Contains(successor))
        {
            return Resolve(successor, seen);
        }

        return unit.ParentCode is { } parent ? Resolve(parent, seen) : null;
    }
}
