using System.Text.Json;
using Scorecard.Infrastructure.Audit;

namespace Scorecard.Api.Endpoints;

/// <param name="Continuation">Pass as <c>continuation</c> (with the same filters) for the next page; null: no
/// more entries.</param>
internal sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, string? Continuation);

/// <summary>One audit entry; <see cref="Before"/> is null for a creation, <see cref="After"/> for a
/// deletion.</summary>
/// <param name="KeyId">The key that made the change; null for the bootstrap key and the service itself.</param>
internal sealed record AuditEntryView(
    long Id,
    DateTimeOffset At,
    string? KeyId,
    string KeyName,
    string Entity,
    string EntityKey,
    string Action,
    string? UnitCode,
    JsonElement? Before,
    JsonElement? After
)
{
    public static AuditEntryView From(AuditEntry e) =>
        new(
            e.Id,
            e.At,
            e.KeyId,
            e.KeyName,
            e.Entity,
            e.EntityKey,
            e.Action,
            e.UnitCode,
            Parse(e.Before),
            Parse(e.After)
        );

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
