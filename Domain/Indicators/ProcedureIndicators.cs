using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;

namespace Scorecard.Domain.Indicators;

/// <summary>Indicators computed from the procedure catalogue rather than from dossiers.</summary>
public static class ProcedureIndicators
{
    /// <summary>
    /// <c>online-service</c>: of the procedures given (those of the unit's level), how many offer an
    /// online service (full or partial) and are integrated on the national portal.
    /// </summary>
    public static Ratio OnlineServiceRatio(IEnumerable<Procedure> proceduresAtLevel)
    {
        ArgumentNullException.ThrowIfNull(proceduresAtLevel);
        return Ratio.Sum(
            proceduresAtLevel.Select(p => Ratio.Of(true, p.OnlineService != OnlineService.None && p.Integrated))
        );
    }

    /// <summary>As <see cref="OnlineServiceRatio(IEnumerable{Procedure})"/> over the procedures of <paramref
    /// name="level"/>.</summary>
    public static Ratio OnlineServiceRatio(IEnumerable<Procedure> procedures, UnitLevel level)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        return OnlineServiceRatio(procedures.Where(p => p.Level == level));
    }
}
