using Scorecard.Api.Ingestion;

namespace Scorecard.Api.Sync;

/// <summary>What a sync request did: per dossier of <c>data</c>, the events it added or why it was rejected.</summary>
/// <param name="Accepted">Dossiers that added events.</param>
/// <param name="Unchanged">Dossiers that added nothing (everything they say was already stored).</param>
/// <param name="Rejected">Dossiers with at least one error.</param>
/// <param name="Events">Events stored, all dossiers together.</param>
internal sealed record SyncResponse(
    string Service,
    int Accepted,
    int Unchanged,
    int Rejected,
    int Events,
    IReadOnlyList<SnapshotResult> Results
);

/// <summary>One dossier of <c>data</c>: its position, <c>MaHoSo</c>, outcome (<c>accepted</c>, <c>unchanged</c>,
/// <c>rejected</c>), the types of the events stored for it and the errors, each naming its national field.</summary>
internal sealed record SnapshotResult(
    int Index,
    string? MaHoSo,
    string Outcome,
    IReadOnlyList<string> Events,
    IReadOnlyList<FieldError> Errors
);

/// <summary>The body of <c>PUT /api/sync/status-mappings</c> and the answer of its GET.</summary>
/// <param name="Source">The source the mapping is for (a GET's answer: the caller's unless asked).</param>
/// <param name="IsDefault">True when the source stored none and the shipped default applies (answers only).</param>
/// <param name="Statuses">Each status code and its meaning.</param>
internal sealed record StatusMappingView(string? Source, bool? IsDefault, List<StatusCodeView?>? Statuses);

/// <param name="Code">The code as the one-stop-shop system sends it in <c>TrangThaiHoSo</c>.</param>
/// <param name="Meaning">submitted, received, processing, awaiting-supplement, awaiting-payment, refused, withdrawn,
/// stopped, resolved or returned.</param>
internal sealed record StatusCodeView(string? Code, string? Meaning);

/// <summary>How large one sync request may be.</summary>
internal static class SyncLimits
{
    public const int MaxSnapshots = 500;
}
