using System.Runtime.CompilerServices;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Sync;

/// <summary>Units by their QCVN 102 identifier [MaDinhDanhDV] (external id <c>qcvn102</c>), once per reference-data
/// snapshot. Where units share one (a unit and its successor), the one still active wins.</summary>
internal sealed class UnitIdentifiers
{
    public const string System = "qcvn102";

    private readonly ConditionalWeakTable<ReferenceData, IReadOnlyDictionary<string, string>> byReference = [];

    public string? Find(ReferenceData reference, string identifier) =>
        byReference.GetValue(reference, Build).GetValueOrDefault(identifier);

    private static IReadOnlyDictionary<string, string> Build(ReferenceData reference) =>
        reference
            .Units.Units.Where(u => u.ExternalIds.ContainsKey(System))
            .GroupBy(u => u.ExternalIds[System], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(u => u.ValidTo is null).ThenBy(u => u.ValidTo).ThenBy(u => u.Code).Last().Code,
                StringComparer.Ordinal
            );
}
