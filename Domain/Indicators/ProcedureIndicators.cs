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

/// <summary>
/// The procedure-catalogue side of the indicators that count procedures, for the procedures of one level:
/// <c>online-service</c>; <c>payment-offered</c> (3.5: with a fee and payable online on the portal ÷ with a
/// fee); and the denominators of <c>payment-procedures</c> (3.5b, procedures with a fee) and
/// <c>population-db-procedures</c> (4.5a, procedures open to citizens).
/// </summary>
public sealed record CatalogueFigures(Ratio OnlineService, Ratio PaymentOffered, long WithFee, long OpenToCitizens)
{
    public static CatalogueFigures Of(IEnumerable<Procedure> proceduresAtLevel)
    {
        ArgumentNullException.ThrowIfNull(proceduresAtLevel);
        var all = proceduresAtLevel.ToList();
        return new CatalogueFigures(
            ProcedureIndicators.OnlineServiceRatio(all),
            Ratio.Sum(all.Select(p => Ratio.Of(p.HasFee, p.OnlinePaymentOnPortal))),
            all.Count(p => p.HasFee),
            all.Count(p => p.PersonApplicant)
        );
    }

    /// <summary>3.5b: procedures with a fee that had a dossier paid online ÷ procedures with a fee.</summary>
    public Ratio PaymentProcedures(long paidOnline) => new(Math.Min(paidOnline, WithFee), WithFee);

    /// <summary>4.5a: procedures open to citizens with a dossier that used the population database ÷ those
    /// procedures.</summary>
    public Ratio PopulationDbProcedures(long used) => new(Math.Min(used, OpenToCitizens), OpenToCitizens);
}
