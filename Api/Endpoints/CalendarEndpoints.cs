using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.Validation;
using Scorecard.Domain.Calendar;
using Scorecard.Infrastructure.Calendar;

namespace Scorecard.Api.Endpoints;

internal static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar");
        group.MapGet("/", ListDays).WithSummary("Holidays and make-up working days between two dates (inclusive).");
        group
            .MapPut("/", PutDays)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<List<CalendarDayRequest>>()
            .RequireProvinceWide()
            .WithSummary("Upsert holidays and make-up working days by date.");
        group
            .MapDelete("/{date}", DeleteDay)
            .RequireAuthorization(Roles.AdminPolicy)
            .RequireProvinceWide()
            .WithSummary("Return a date to the Monday–Friday rule.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CalendarDay>>, ProblemHttpResult>> ListDays(
        DateOnly? from,
        DateOnly? to,
        CalendarStore store,
        CancellationToken ct
    )
    {
        if (from is not null && to is not null && to < from)
        {
            return Problems.BadRequest("'to' must not be before 'from'.");
        }

        return TypedResults.Ok(await store.ListAsync(from, to, ct).ConfigureAwait(false));
    }

    private static async Task<Ok<UpsertCounts>> PutDays(
        List<CalendarDayRequest> days,
        Caller caller,
        CalendarStore store,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var outcome = await store
            .UpsertAsync([.. days.Select(d => d.ToDay())], caller.Stamp(clock), ct)
            .ConfigureAwait(false);
        return TypedResults.Ok(new UpsertCounts(outcome.Created, outcome.Updated));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDay(
        DateOnly date,
        Caller caller,
        CalendarStore store,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var deleted = await store.DeleteAsync(date, caller.Stamp(clock), ct).ConfigureAwait(false);
        return deleted
            ? TypedResults.NoContent()
            : Problems.NotFound($"{date:yyyy-MM-dd} is neither a holiday nor a make-up working day in the calendar.");
    }
}
