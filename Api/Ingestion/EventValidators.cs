using System.Runtime.CompilerServices;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Ingestion;

/// <summary>One event validator per reference-data snapshot (building one costs more than validating a
/// batch).</summary>
internal sealed class EventValidators(TimeProvider clock)
{
    private readonly ConditionalWeakTable<ReferenceData, DossierEventValidator> validators = [];

    public DossierEventValidator For(ReferenceData reference) =>
        validators.GetValue(reference, r => new DossierEventValidator(r, clock));
}
