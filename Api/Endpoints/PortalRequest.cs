using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Labels;
using Scorecard.Api.Reports;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Labels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Api.Endpoints;

/// <summary>The parameters of <c>GET /api/scorecards/{unitCode}</c>, as sent.</summary>
internal sealed record ScorecardRequest(
    [FromRoute(Name = "unitCode")] string UnitCode,
    [FromQuery(Name = "period")] string? Period,
    [FromQuery(Name = "scope")] string? Scope,
    [FromQuery(Name = "rule")] string? Rule,
    [FromQuery(Name = "structure")] string? Structure,
    [FromQuery(Name = "revised")] string? Revised = null,
    [FromHeader(Name = RequestLanguage.Header)] string? AcceptLanguage = null
)
{
    /// <summary>The language of the answer's names.</summary>
    public Language Language => RequestLanguage.Of(AcceptLanguage);

    /// <summary>What the request asks for, or the problem of its first bad parameter; <paramref name="callerScope"/>
    /// limits the units it may name.</summary>
    public Parsed<ScorecardQuery> Parse(ReferenceData reference, string? callerScope, DateOnly today)
    {
        var unit = PortalParameters.Unit(reference, UnitCode, callerScope);
        var period = PortalParameters.Period(Period, "period");
        var rule = PortalParameters.Rule(Rule);
        var subtree = PortalParameters.Subtree(Scope);
        var structure = PortalParameters.Structure(Structure, today);
        var revised = PortalParameters.Revised(Revised);
        if (
            PortalParameters.FirstProblem(
                unit.Problem,
                period.Problem,
                rule.Problem,
                subtree.Problem,
                structure.Problem,
                revised.Problem
            ) is
            { } problem
        )
        {
            return problem;
        }

        if (structure.Value.On is not null && !subtree.Value)
        {
            return Problems.BadRequest(
                "'scope=self' reads a unit's own dossiers as they were received: use it with structure=as-of."
            );
        }

        var holders = structure.Value.On is { } on ? UnitHolders.On(reference.Units, on) : null;
        return PortalParameters.ValidIn(unit.Value, holders) is { } invalid
            ? invalid
            : new ScorecardQuery(unit.Value, period.Value, rule.Value, subtree.Value, structure.Value, holders)
            {
                Revised = revised.Value,
            };
    }
}

/// <summary>A unit's scorecard for a period: over its subtree or its own dossiers, under an on-time rule, in a
/// structure (<paramref name="Holders"/> null: as of the period).</summary>
internal sealed record ScorecardQuery(
    Unit Unit,
    Period Period,
    OnTimeRule Rule,
    bool Subtree,
    StructureReading Structure,
    UnitHolders? Holders
)
{
    /// <summary>Answer the live figures beside the published ones (<c>revised=true</c>).</summary>
    public bool Revised { get; init; }
}

/// <summary>The parameters of <c>GET /api/map</c> and <c>GET /api/rankings</c>, as sent.</summary>
internal sealed record UnitsOfLevelRequest(
    [FromQuery(Name = "indicator")] string? Indicator,
    [FromQuery(Name = "period")] string? Period,
    [FromQuery(Name = "parentCode")] string? ParentCode,
    [FromQuery(Name = "level")] string? Level,
    [FromQuery(Name = "rule")] string? Rule,
    [FromQuery(Name = "structure")] string? Structure,
    [FromQuery(Name = "kind")] string? Kind = null,
    [FromQuery(Name = "revised")] string? Revised = null,
    [FromHeader(Name = RequestLanguage.Header)] string? AcceptLanguage = null
)
{
    /// <summary>The language of the answer's names.</summary>
    public Language Language => RequestLanguage.Of(AcceptLanguage);

    /// <summary>The map's question: an indicator is required.</summary>
    public Parsed<UnitsOfLevelQuery> ForMap(ReferenceData reference, string? callerScope, DateOnly today) =>
        Parse(
            reference,
            Indicator == PortalEndpoints.ScoreIndicator ? PortalParameters.IndexCode
                : PortalParameters.IsIndex(Indicator) ? Indicator!
                : PortalParameters.Indicator(reference, Indicator),
            callerScope,
            today
        );

    /// <summary>The rankings' question: an indicator, or the national index (the default; <c>score</c> is another
    /// name for it).</summary>
    public Parsed<UnitsOfLevelQuery> ForRankings(ReferenceData reference, string? callerScope, DateOnly today) =>
        Parse(
            reference,
            Indicator is null or PortalEndpoints.ScoreIndicator ? PortalParameters.IndexCode
                : PortalParameters.IsIndex(Indicator) ? Indicator
                : PortalParameters.Indicator(reference, Indicator),
            callerScope,
            today
        );

    private Parsed<UnitsOfLevelQuery> Parse(
        ReferenceData reference,
        Parsed<string> indicator,
        string? callerScope,
        DateOnly today
    )
    {
        var structure = PortalParameters.Structure(Structure, today);
        var revised = PortalParameters.Revised(Revised);
        var kind = PortalParameters.Kind(Kind);
        if (PortalParameters.FirstProblem(structure.Problem, revised.Problem, kind.Problem) is { } wrong)
        {
            return wrong;
        }

        var units = PortalParameters.UnitsOfLevel(
            reference,
            indicator.Value,
            Period,
            Rule,
            Level,
            ParentCode,
            callerScope
        );
        if (PortalParameters.FirstProblem(indicator.Problem, units.Problem) is { } problem)
        {
            return problem;
        }

        var holders = structure.Value.On is { } on ? UnitHolders.On(reference.Units, on) : null;
        return units.Value.Parent is { } parent && PortalParameters.ValidIn(parent, holders) is { } invalid
            ? invalid
            : units.Value with
            {
                Structure = structure.Value,
                Holders = holders,
                Revised = revised.Value,
                Language = Language,
                Kind = kind.Value,
            };
    }
}

/// <summary>What the portal routes read from.</summary>
internal sealed record PortalServices(
    ReferenceDataCache Reference,
    UnitFigures Figures,
    TargetStore Targets,
    TimeProvider Clock,
    Scorecard.Infrastructure.Index.IndexDefinitionStore Definitions,
    PublishedFigures Published
);
