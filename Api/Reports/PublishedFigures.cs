using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Publications;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Reports;

/// <summary>
/// Which published figures a read answers (README "Published figures"): those of the latest publication of the period
/// whose subtree holds the unit, for the official reading only (national on-time rule, units as of the period); other
/// readings are always live.
/// </summary>
internal sealed class PublishedFigures(PublicationStore store)
{
    /// <summary>The publications that apply to a read; <paramref name="revised"/> asks for the live figures beside
    /// them.</summary>
    public async Task<PublishedReading> ReadAsync(
        ReferenceData reference,
        Period period,
        OnTimeRule rule,
        UnitHolders? holders,
        bool revised,
        CancellationToken ct
    ) =>
        rule != OnTimeRule.National || holders is not null
            ? PublishedReading.None
            : new PublishedReading(
                store,
                reference,
                await store.OfPeriodAsync(period.Code, ct).ConfigureAwait(false),
                revised
            );
}

/// <summary>The publications of one read's period.</summary>
internal sealed class PublishedReading(
    PublicationStore? store,
    ReferenceData? reference,
    IReadOnlyList<Publication> publications,
    bool revised
)
{
    public static PublishedReading None { get; } = new(null, null, [], false);

    /// <summary>True to answer the live figures with the published ones beside them.</summary>
    public bool Revised => revised;

    /// <summary>The publication whose figures answer for the unit, or null (live).</summary>
    public Publication? Covering(string unitCode) =>
        reference is null ? null : Publication.Covering(publications, unitCode, reference.Units.IsAncestorOrSelf);

    /// <summary>The kept figures of one unit by part (<see cref="PublicationStore.Subtree"/>, <see
    /// cref="PublicationStore.Self"/>, levels), then indicator.</summary>
    public async Task<Dictionary<string, Dictionary<string, PublishedFigure>>> OfUnitAsync(
        Publication publication,
        string unitCode,
        CancellationToken ct
    ) =>
        (await store!.FiguresOfUnitAsync(publication.Id, unitCode, ct).ConfigureAwait(false))
            .GroupBy(f => f.Part, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.ToDictionary(f => f.Indicator, StringComparer.Ordinal),
                StringComparer.Ordinal
            );

    /// <summary>The kept subtree figures (of one indicator, or all) of each of <paramref name="units"/> that a
    /// publication covers, with that publication.</summary>
    public async Task<
        Dictionary<string, (Publication Publication, Dictionary<string, PublishedFigure> Figures)>
    > OfUnitsAsync(IEnumerable<string> units, string? indicator, CancellationToken ct)
    {
        var result = new Dictionary<string, (Publication, Dictionary<string, PublishedFigure>)>(StringComparer.Ordinal);
        foreach (
            var group in units
                .Select(u => (Unit: u, Publication: Covering(u)))
                .Where(u => u.Publication is not null)
                .GroupBy(u => u.Publication!.Id)
        )
        {
            var publication = group.First().Publication!;
            var kept = (
                await store!.FiguresAsync(publication.Id, PublicationStore.Subtree, indicator, ct).ConfigureAwait(false)
            )
                .GroupBy(f => f.UnitCode, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => g.ToDictionary(f => f.Indicator, StringComparer.Ordinal),
                    StringComparer.Ordinal
                );
            foreach (var (unit, _) in group)
            {
                if (kept.TryGetValue(unit, out var figures))
                {
                    result[unit] = (publication, figures);
                }
            }
        }

        return result;
    }
}
