namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// Where the log and the projections stand as one ingestion transaction sees them: the log's last arrival sequence
/// (its own appends included) and how many times the projections were rewritten without the writer (rebuilds, bulk
/// loads). What <see cref="RecentDossiers"/> remembers holds only while both are what it saw after its last commit.
/// </summary>
public readonly record struct LogPosition(long Sequence, long Rewrites);
