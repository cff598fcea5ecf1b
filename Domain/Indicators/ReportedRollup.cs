using Scorecard.Domain.Units;

namespace Scorecard.Domain.Indicators;

/// <summary>
/// Reported indicators roll up like the others, by summing numerators and denominators, with one
/// rule that keeps a figure from being counted twice: a unit that reported its own figure stands
/// for its whole subtree; a unit that did not is the sum of its children.
/// </summary>
public static class ReportedRollup
{
    /// <param name="reported">Each unit's own reported figure, by unit code.</param>
    /// <returns>The figure of <paramref name="unitCode"/>'s subtree, or null when nothing under it was
    /// reported.</returns>
    public static Ratio? Of(UnitTree tree, IReadOnlyDictionary<string, Ratio> reported, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(reported);
        if (reported.TryGetValue(unitCode, out var own))
        {
            return own;
        }

        Ratio? sum = null;
        foreach (var child in tree.Children(unitCode))
        {
            if (Of(tree, reported, child) is { } figure)
            {
                sum = (sum ?? Ratio.Zero) + figure;
            }
        }

        return sum;
    }
}
