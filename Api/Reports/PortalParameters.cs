using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Endpoints;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Reports;

/// <summary>The portal routes' request parameters read into domain values, each with the 400/403/404 that explains why
/// it could not be.</summary>
internal static class PortalParameters
{
    public static Parsed<Period> Period(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.BadRequest($"'{name}' is required, e.g. 2023-H2.");
        }

        return Domain.Periods.Period.TryParse(text, out var parsed, out var error)
            ? parsed!
            : Problems.BadRequest($"'{name}' {error}");
    }

    public static Parsed<OnTimeRule> Rule(string? text) =>
        text is null ? OnTimeRule.National
        : WireName.TryParse(text, out OnTimeRule rule) ? rule
        : Problems.BadRequest($"'rule' must be one of: {string.Join(", ", WireName.All<OnTimeRule>())}.");

    /// <summary><c>structure</c>: <c>as-of</c> (the default), <c>current</c> (today's units, Vietnam date) or a date
    /// (yyyy-MM-dd) whose units the figures are read in.</summary>
    public static Parsed<StructureReading> Structure(string? text, DateOnly today) =>
        text switch
        {
            null or "as-of" => StructureReading.AsOf,
            "current" => new StructureReading(today),
            _ when DateOnly.TryParseExact(
                    text,
                    "yyyy-MM-dd",
                    System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None,
                    out var day
                ) => new StructureReading(day),
            _ => Problems.BadRequest(
                "'structure' must be as-of, current, or a date (yyyy-MM-dd) to read the units of."
            ),
        };

    /// <summary>The unit's figures exist in a structure only while the unit is valid on its date.</summary>
    public static ProblemHttpResult? ValidIn(Unit unit, UnitHolders? holders) =>
        holders is null || unit.IsActiveOn(holders.Date)
            ? null
            : Problems.BadRequest(
                $"Unit '{unit.Code}' is not valid on {holders.Date:yyyy-MM-dd}, the date of the structure asked for; "
                    + (
                        holders.HolderOf(unit.Code) is { } holder
                            ? $"its duties are held by '{holder}' then."
                            : "no unit holds its duties then."
                    )
            );

    public static Parsed<UnitLevel> Level(string? text) =>
        text is not null && WireName.TryParse(text, out UnitLevel level)
            ? level
            : Problems.BadRequest(
                $"'level' is required and must be one of: {string.Join(", ", WireName.All<UnitLevel>())}."
            );

    /// <summary><c>kind</c>: only the localities or only the agencies of a level; null (absent) for both.</summary>
    public static Parsed<UnitKind?> Kind(string? text) =>
        text is null ? (UnitKind?)null
        : WireName.TryParse(text, out UnitKind kind) ? kind
        : Problems.BadRequest($"'kind' must be one of: {string.Join(", ", WireName.All<UnitKind>())}.");

    /// <summary><c>scope</c>: true for the unit's whole subtree (the default), false for its own dossiers.</summary>
    public static Parsed<bool> Subtree(string? scope) =>
        scope is null or "subtree" or "self"
            ? scope != "self"
            : Problems.BadRequest("'scope' must be one of: subtree, self.");

    /// <summary>The unit, if it exists (404) and the caller may see it (403).</summary>
    public static Parsed<Unit> Unit(ReferenceData reference, string code, string? scope)
    {
        if (reference.Units.Find(code) is not { } found)
        {
            return Problems.NotFound($"Unit '{code}' does not exist.");
        }

        return scope is not null && !reference.Units.IsAncestorOrSelf(scope, code)
            ? Problems.OutsideScope(code, scope)
            : found;
    }

    /// <summary>The national index (<c>index</c>) or one of its groups (<c>index.progress</c>, …), which maps and
    /// rankings accept beside indicators.</summary>
    public static bool IsIndex(string? code) =>
        code is not null && (code == IndexCode || code.StartsWith(IndexCode + ".", StringComparison.Ordinal));

    /// <summary><c>revised</c>: true for the live figures beside the published ones of a closed period.</summary>
    public static Parsed<bool> Revised(string? text) =>
        text switch
        {
            null or "false" => false,
            "true" => true,
            _ => Problems.BadRequest("'revised' must be true or false."),
        };

    /// <summary>The national index's code where maps, rankings and series take an indicator.</summary>
    public const string IndexCode = "index";

    public static Parsed<string> Indicator(ReferenceData reference, string? code) =>
        code is not null && reference.Indicator(code) is not null
            ? code
            : Problems.BadRequest(
                code is null
                    ? "'indicator' is required."
                    : $"Indicator '{code}' does not exist; known: "
                        + $"{string.Join(", ", reference.Indicators.Select(i => i.Code))}."
            );

    /// <summary>The parameters shared by the map and the rankings: period, on-time rule, level, and the parent. Without
    /// one, a caller bound to a unit reads under its unit and any other caller reads the whole tree, under every root
    /// (the provinces of a national deployment, or a province and the one merged into it).</summary>
    public static Parsed<UnitsOfLevelQuery> UnitsOfLevel(
        ReferenceData reference,
        string indicator,
        string? period,
        string? rule,
        string? level,
        string? parentCode,
        string? scope
    )
    {
        var p = Period(period, "period");
        var onTimeRule = Rule(rule);
        var unitLevel = Level(level);
        var parent = parentCode ?? scope;
        var unit = parent is null ? default : Unit(reference, parent, scope);
        return FirstProblem(p.Problem, onTimeRule.Problem, unitLevel.Problem, unit.Problem) is { } problem
            ? problem
            : new UnitsOfLevelQuery(indicator, p.Value, onTimeRule.Value, unitLevel.Value, unit.Value);
    }

    /// <summary>The first problem of several parameters, in the order given, or null when every one was read.</summary>
    public static ProblemHttpResult? FirstProblem(params ReadOnlySpan<ProblemHttpResult?> problems)
    {
        foreach (var problem in problems)
        {
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
