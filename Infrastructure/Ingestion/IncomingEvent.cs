using Scorecard.Domain.Dossiers;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>A validated event and its position in the request (its Sequence is set once stored).</summary>
public sealed record IncomingEvent(int Index, DossierEvent Event);

/// <summary>Why one event of a batch was not stored.</summary>
public sealed record EventRejection(int Index, string? Id, string Field, string Message);

/// <summary>The answer to one batch: every accepted event is committed when this exists.</summary>
public sealed record BatchOutcome(int Accepted, int Duplicates, IReadOnlyList<EventRejection> Rejected);
