using Scorecard.Domain.Dossiers;

namespace Scorecard.Bench.Crash;

/// <summary>
/// One POST of a batch: its events, then any duplicates of acknowledged events sent with it.
/// <paramref name="Unacknowledged"/>: the batch had no 200 answer yet when it was sent (a first send or a retry).
/// </summary>
internal sealed record CrashRequest(int Batch, IReadOnlyList<DossierEvent> Events, bool Unacknowledged);
