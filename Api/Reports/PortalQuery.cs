using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Endpoints;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Reports;

/// <summary>Parsing of the portal routes' query parameters into domain values, or the 400/403/404 that explains why not.</summary>
internal static class PortalQuery
{
    public static ProblemHttpResult? Period(string? text, string name, out Period period)
    {
        period = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.BadRequest($"'{name}' is required, e.g. 2023-H2.");
        }

        if (!Domain.Periods.Period.TryParse(text, out var parsed, out var error))
        {
            return Problems.BadRequest($"'{name}' {error}");
        }

        period = parsed!;
        return null;
    }

    public static ProblemHttpResult? Rule(string? text, out OnTimeRule rule)
    {
        rule = OnTimeRule.Finished;
        return text is null || WireName.TryParse(text, out rule)
            ? null
            : Problems.BadRequest($"'rule' must be one of: {string.Join(", ", WireName.All<OnTimeRule>())}.");
    }

    public static ProblemHttpResult? Level(string? text, out UnitLevel level)
    {
        level = default;
        return text is not null && WireName.TryParse(text, out level)
            ? null
            : Problems.BadRequest($"'level' is required and must be one of: {string.Join(", ", WireName.All<UnitLevel>())}.");
    }

    /// <summary>The unit, if it exists (404) and the caller may see it (403).</summary>
    public static ProblemHttpResult? Unit(ReferenceData reference, string code, string? scope, out Unit unit)
    {
        unit = null!;
        if (reference.Units.Find(code) is not { } found)
        {
            return Problems.NotFound($"Unit '{code}' does not exist.");
        }

        if (scope is not null && !reference.Units.IsAncestorOrSelf(scope, code))
        {
            return Problems.OutsideScope(code, scope);
        }

        unit = found;
        return null;
    }

    public static ProblemHttpResult? Indicator(ReferenceData reference, string? code, out string indicator)
    {
        indicator = code ?? "";
        return code is not null && reference.Indicator(code) is not null
            ? null
            : Problems.BadRequest(code is null
                ? "'indicator' is required."
                : $"Indicator '{code}' does not exist; known: {string.Join(", ", reference.Indicators.Select(i => i.Code))}.");
    }

    /// <summary>The parameters shared by the map and the rankings: period, on-time rule, level, and the parent (default: the caller's unit or the root).</summary>
    public static ProblemHttpResult? UnitsOfLevel(
        ReferenceData reference, string? period, string? rule, string? level, string? parentCode, string? scope, out UnitsOfLevelQuery query)
    {
        var problem = First(
            Period(period, "period", out var p),
            Rule(rule, out var onTimeRule),
            Level(level, out var unitLevel),
            Unit(reference, parentCode ?? DefaultParent(reference, scope), scope, out var parent));
        query = new UnitsOfLevelQuery(p, onTimeRule, unitLevel, parent);
        return problem;
    }

    /// <summary>The first problem of several parameters, each parsed (so every out value is assigned).</summary>
    public static ProblemHttpResult? First(params ProblemHttpResult?[] problems) => Array.Find(problems, p => p is not null);

    /// <summary>The default parent of a map or ranking: the caller's scope unit, else the root of the tree.</summary>
    public static string DefaultParent(ReferenceData reference, string? scope) =>
        scope ?? reference.Units.TopDown[0].Code;
}

/// <summary>Every unit of <paramref name="Level"/> under <paramref name="Parent"/>, for one period and on-time rule.</summary>
internal sealed record UnitsOfLevelQuery(Period Period, OnTimeRule Rule, UnitLevel Level, Unit Parent);
