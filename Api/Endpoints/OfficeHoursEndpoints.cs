using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Domain.Calendar;
using Scorecard.Infrastructure.Calendar;

namespace Scorecard.Api.Endpoints;

/// <summary>The province's office hours, on which deadlines run.</summary>
internal static class OfficeHoursEndpoints
{
    public static IEndpointRouteBuilder MapOfficeHoursEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar/office-hours").WithTags("Calendar");
        group
            .MapGet("/", ListHours)
            .WithSummary("Office hours in force from each date (the default when none is set).");
        group
            .MapPut("/", PutHours)
            .RequireAuthorization(Roles.AdminPolicy)
            .RequireProvinceWide()
            .WithSummary(
                "Replace the office hours: spans of a working day and the same-day cut-off, each in force "
                    + "from its date."
            );
        return app;
    }

    private static async Task<Ok<List<OfficeHoursView>>> ListHours(OfficeHoursStore store, CancellationToken ct)
    {
        var stored = await store.ListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(
            (stored.Count == 0 ? [OfficeHours.Default] : stored).Select(OfficeHoursView.From).ToList()
        );
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> PutHours(
        List<OfficeHoursView?> entries,
        Caller caller,
        OfficeHoursStore store,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (entries.Count > 100)
        {
            return Problems.BadRequest("At most 100 office-hour entries.");
        }

        var errors = OfficeHoursView.Problems(entries);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The office hours are not usable.");
        }

        await store.ReplaceAsync([.. entries.Select(e => e!.ToHours())], caller.Stamp(clock), ct).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
