using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.Validation;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Api.Endpoints;

internal static class TargetEndpoints
{
    public static IEndpointRouteBuilder MapTargetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Targets");
        group.MapGet("/targets", ListTargets).WithSummary("Targets, optionally of one period and unit.");
        group
            .MapPut("/targets", PutTargets)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<List<TargetRequest>>()
            .WithSummary(
                "Upsert targets; the assigner must be the unit or an ancestor, and no target may be below "
                    + "the general target covering it. "
                    + "A key limited to a unit assigns only in its subtree, as a unit of it, and may not replace a "
                    + "target set above it."
            );
        group
            .MapPut("/indicator-values", PutIndicatorValues)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<List<IndicatorValueRequest>>()
            .WithSummary("Upsert figures of reported indicators by (indicator, unit, period).");
        return app;
    }

    private static async Task<Results<Ok<List<TargetEntry>>, ProblemHttpResult>> ListTargets(
        string? period,
        string? unitCode,
        Caller caller,
        ReferenceDataCache referenceCache,
        TargetStore store,
        CancellationToken ct
    )
    {
        Period? parsed = null;
        if (period is not null && !Period.TryParse(period, out parsed, out var error))
        {
            return Problems.BadRequest($"'period' {error}");
        }

        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var scope = caller.ScopeUnit;
        var targets = await store.ListAsync(parsed?.Code, ct).ConfigureAwait(false);
        return TypedResults.Ok(
            targets
                .Where(t =>
                    (unitCode is null || t.Target.UnitCode == unitCode)
                    && UnitScope.Contains(reference.Units, scope, t.Target.UnitCode)
                )
                .Select(t => TargetEntry.From(t.Id, t.Target))
                .ToList()
        );
    }

    private static async Task<Results<Ok<UpsertCounts>, ValidationProblem, ProblemHttpResult>> PutTargets(
        List<TargetRequest> targets,
        Caller caller,
        ReferenceDataCache referenceCache,
        TargetStore store,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var unknown = targets
            .Where(t => reference.Indicator(t.Indicator!) is null)
            .Select(t => new UpsertError(t.Indicator!, $"Indicator '{t.Indicator}' does not exist."))
            .ToList();
        if (unknown.Count > 0)
        {
            return Problems.Refused("The targets refer to unknown indicators.", unknown);
        }

        // A target is for a period the unit lives in (at least one day of it).
        var outside = targets
            .Select(t => t.ToAssignment())
            .Where(t =>
                reference.Units.Find(t.UnitCode) is { } unit
                && !unit.IsActiveDuring(t.Period.FirstDay, t.Period.LastDay)
            )
            .Select(t => new UpsertError(
                t.UnitCode,
                $"Target for '{t.UnitCode}' ({t.Indicator}, {t.Period.Code}): the unit is not valid on any day of "
                    + "the period."
            ))
            .ToList();
        if (outside.Count > 0)
        {
            return Problems.Refused("The targets name units outside their lives.", outside);
        }

        var write = await store
            .UpsertAsync(
                [.. targets.Select(t => t.ToAssignment())],
                new UnitTreeHierarchy(reference.Units),
                caller.ScopeUnit,
                caller.Stamp(clock),
                ct
            )
            .ConfigureAwait(false);
        if (write.Forbidden.Count > 0)
        {
            return Problems.Forbidden("This key may not assign these targets.", "targets", write.Forbidden);
        }

        return write.Invalid.Count > 0
            ? TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["targets"] = [.. write.Invalid] },
                title: "The targets break the assignment rules."
            )
            : TypedResults.Ok(new UpsertCounts(write.Outcome.Created, write.Outcome.Updated));
    }

    private static async Task<Results<Ok<UpsertCounts>, ValidationProblem, ProblemHttpResult>> PutIndicatorValues(
        List<IndicatorValueRequest> values,
        Caller caller,
        ReferenceDataCache referenceCache,
        ReportedValueStore store,
        Scorecard.Infrastructure.Index.IndexDefinitionStore definitions,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var index = await definitions.ListAsync(ct).ConfigureAwait(false);
        var errors = values.SelectMany(v => Check(reference, index, v)).ToList();
        if (errors.Count > 0)
        {
            return Problems.Refused("The values cannot be stored.", errors);
        }

        if (
            values.FirstOrDefault(v => !UnitScope.Contains(reference.Units, caller.ScopeUnit, v.UnitCode!)) is
            { } outside
        )
        {
            return Problems.OutsideScope(outside.UnitCode!, caller.ScopeUnit!);
        }

        var outcome = await store
            .UpsertAsync(
                [
                    .. values.Select(v => new ReportedValue(
                        v.Indicator!,
                        v.UnitCode!,
                        v.Period!,
                        v.Numerator!.Value,
                        v.Denominator!.Value
                    )),
                ],
                reference,
                caller.Stamp(clock),
                ct
            )
            .ConfigureAwait(false);
        return TypedResults.Ok(new UpsertCounts(outcome.Created, outcome.Updated));
    }

    /// <summary>Each problem of one value, named by its unit, period and indicator (and the index sub-indicator the
    /// indicator feeds, if any).</summary>
    private static IEnumerable<UpsertError> Check(
        ReferenceData reference,
        IReadOnlyList<Scorecard.Domain.Index.IndexDefinition> index,
        IndicatorValueRequest v
    )
    {
        var period = Period.Parse(v.Period!);
        var definition = index.LastOrDefault(d => d.ValidFrom <= period.LastDay) ?? index[0];
        var sub = definition.Groups.SelectMany(g => g.SubIndicators).FirstOrDefault(s => s.Indicator == v.Indicator);
        var name =
            $"Value of '{v.Indicator}'{(sub is null ? "" : $" (index sub-indicator {sub.Code})")} "
            + $"for unit '{v.UnitCode}', period {period.Code}";
        if (reference.Indicator(v.Indicator!) is not { } indicator)
        {
            yield return new UpsertError(v.Indicator!, $"{name}: indicator '{v.Indicator}' does not exist.");
        }
        else if (indicator.Kind != IndicatorKind.Reported)
        {
            yield return new UpsertError(
                v.Indicator!,
                $"{name}: indicator '{v.Indicator}' is computed from dossiers and "
                    + $"procedures; only reported indicators take values."
            );
        }

        if (reference.Units.Find(v.UnitCode!) is not { } unit)
        {
            yield return new UpsertError(v.UnitCode!, $"{name}: unit '{v.UnitCode}' does not exist.");
        }
        else if (!unit.IsActiveDuring(period.FirstDay, period.LastDay))
        {
            yield return new UpsertError(
                v.UnitCode!,
                $"{name}: the unit is valid {unit.ValidFrom:yyyy-MM-dd} to "
                    + $"{(unit.ValidTo is { } to ? $"{to:yyyy-MM-dd}" : "today")}, not during the period."
            );
        }

        if (v.Numerator > v.Denominator)
        {
            yield return new UpsertError(
                v.Indicator!,
                $"{name}: numerator {v.Numerator} is above denominator {v.Denominator} (a share of it)."
            );
        }
    }
}

/// <summary>A stored target as listed.</summary>
internal sealed record TargetEntry(
    long Id,
    string UnitCode,
    string Indicator,
    string Period,
    decimal Target,
    decimal? Baseline,
    string AssignedBy,
    string? Reference,
    string? AppliesToLevel
)
{
    public static TargetEntry From(long id, TargetAssignment t) =>
        new(
            id,
            t.UnitCode,
            t.Indicator,
            t.Period.Code,
            t.Target,
            t.Baseline,
            t.AssignedBy,
            t.Reference,
            t.AppliesToLevel is { } l ? WireName.Of(l) : null
        );
}
