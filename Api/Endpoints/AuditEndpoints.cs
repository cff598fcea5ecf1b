using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.Caching;
using Scorecard.Api.Ingestion;
using Scorecard.Domain.Time;
using Scorecard.Infrastructure.Audit;

namespace Scorecard.Api.Endpoints;

/// <summary>
/// The audit trail, read only: no route changes or deletes an entry. Admin keys only; a key limited to a unit
/// sees the entries of units in its subtree (units, targets, reported figures, keys of those units), never
/// province-wide reference data.
/// </summary>
internal static class AuditEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListEntries)
            .WithTags("Audit")
            .RequireAuthorization(Roles.AdminPolicy)
            // Who did what is kept by no cache, like the keys.
            .IsNotCached()
            .WithSummary(
                "Who changed what: reference data, bands, indicators, targets, reported figures and keys, oldest "
                    + "first, a page at a time (continue with the answer's 'continuation')."
            );
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ListEntries(
        string? from,
        string? to,
        string? entity,
        string? key,
        int? limit,
        string? continuation,
        Caller caller,
        AuditReader reader,
        CancellationToken ct
    )
    {
        if (!TryInstant(from, endOfDay: false, out var start) || !TryInstant(to, endOfDay: true, out var end))
        {
            return Problems.BadRequest(
                "'from' and 'to' must be dates such as 2026-01-31 (Vietnam days, 'to' included) or "
                    + $"{InstantText.Expected}."
            );
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Problems.BadRequest($"'limit' must be from 1 to {MaxLimit}; got {limit}.");
        }

        var afterId = 0L;
        if (
            continuation is not null
            && (
                !long.TryParse(continuation, NumberStyles.None, CultureInfo.InvariantCulture, out afterId)
                || afterId < 1
            )
        )
        {
            return Problems.BadRequest("'continuation' must be the value a previous page answered.");
        }

        if (entity is not null && !AuditEntities.All.Contains(entity))
        {
            return Problems.BadRequest($"'entity' must be one of: {string.Join(", ", AuditEntities.All)}.");
        }

        var size = limit ?? DefaultLimit;
        var rows = await reader
            .PageAsync(new AuditFilter(afterId, start, end, entity, key, caller.ScopeUnit, size + 1), ct)
            .ConfigureAwait(false);
        var page = rows.Take(size).Select(AuditEntryView.From).ToList();
        return TypedResults.Ok(
            new AuditPage(page, rows.Count > size ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null)
        );
    }

    /// <summary>A date is a Vietnam day (its start; for the end, the start of the next day); an instant is
    /// itself.</summary>
    private static bool TryInstant(string? text, bool endOfDay, out DateTimeOffset? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            instant = VietnamTime.StartOf(endOfDay ? day.AddDays(1) : day);
            return true;
        }

        if (InstantText.TryParse(text, out var exact))
        {
            instant = exact;
            return true;
        }

        return false;
    }
}
