using Scorecard.Domain.Dossiers;

namespace Scorecard.Domain.Sync;

/// <summary>An event a synced dossier implies, with the field of the national body it was read from (what a
/// rejection of it names).</summary>
public sealed record DerivedEvent(DossierEvent Event, string Field);

/// <summary>Why a synced dossier cannot be taken, naming the field of the national body.</summary>
public sealed record SnapshotProblem(string Field, string Message);

/// <summary>The events a synced dossier adds to what is known of it, or why it adds none.</summary>
public sealed record SnapshotDerivation(IReadOnlyList<DerivedEvent> Events, IReadOnlyList<SnapshotProblem> Problems)
{
    public static SnapshotDerivation Rejected(string field, string message) => new([], [new(field, message)]);
}
