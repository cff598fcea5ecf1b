using Scorecard.Domain.Dossiers;

namespace Scorecard.Infrastructure.Dossiers;

/// <summary>An event as stored in the log, with when it was stored and by which key.</summary>
public sealed record StoredEvent(DossierEvent Event, DateTimeOffset StoredAt, string? KeyId);
