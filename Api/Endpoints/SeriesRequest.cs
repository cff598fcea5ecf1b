using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Reports;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Endpoints;

/// <summary>The parameters of <c>GET /api/series</c>, as sent.</summary>
internal sealed record SeriesRequest(
    [FromQuery(Name = "unitCode")] string? UnitCode,
    [FromQuery(Name = "indicator")] string? Indicator,
    [FromQuery(Name = "from")] DateOnly? From,
    [FromQuery(Name = "to")] DateOnly? To,
    [FromQuery(Name = "interval")] string? Interval,
    [FromQuery(Name = "scope")] string? Scope,
    [FromQuery(Name = "rule")] string? Rule,
    [FromQuery(Name = "structure")] string? Structure = null
)
{
    /// <summary>At most this many points per series (three years of days).</summary>
    public const int MaxPoints = 1100;

    /// <summary>At most this many points per series of the index (two months of days, a year of weeks).</summary>
    public const int MaxIndexPoints = 62;

    /// <summary>What the request asks for, or the problem of its first bad parameter; <paramref name="callerScope"/>
    /// limits the units it may name.</summary>
    public Parsed<SeriesQuery> Parse(ReferenceData reference, string? callerScope, DateOnly today)
    {
        if (UnitCode is null || From is null || To is null)
        {
            return Problems.BadRequest("'unitCode', 'from' and 'to' (yyyy-MM-dd) are required.");
        }

        var unit = PortalParameters.Unit(reference, UnitCode, callerScope);
        var index = PortalParameters.IsIndex(Indicator) || Indicator == PortalEndpoints.ScoreIndicator;
        var indicator = index
            ? (Indicator == PortalEndpoints.ScoreIndicator ? PortalParameters.IndexCode : Indicator!)
            : PortalParameters.Indicator(reference, Indicator);
        var range = PortalParameters.Period($"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}", "from/to");
        var rule = PortalParameters.Rule(Rule);
        var structure = PortalParameters.Structure(Structure, today);
        if (
            PortalParameters.FirstProblem(
                unit.Problem,
                indicator.Problem,
                range.Problem,
                rule.Problem,
                structure.Problem
            ) is
            { } problem
        )
        {
            return problem;
        }

        var holders = structure.Value.On is { } on ? UnitHolders.On(reference.Units, on) : null;
        if (PortalParameters.ValidIn(unit.Value, holders) is { } invalid)
        {
            return invalid;
        }

        if (holders is not null && Scope == "self")
        {
            return Problems.BadRequest(
                "'scope=self' reads a unit's own dossiers as they were received: use it with structure=as-of."
            );
        }

        if (!index && !IndicatorCodes.DossierBased.Contains(indicator.Value))
        {
            return Problems.BadRequest(
                $"Series are drawn for the dossier-based indicators, the index and its groups: "
                    + $"{string.Join(", ", IndicatorCodes.DossierBased)}, index, index.{{group}}."
            );
        }

        var step = SeriesInterval.Day;
        if (
            (Interval is not null && !WireName.TryParse(Interval, out step))
            || Scope is not (null or "subtree" or "self")
        )
        {
            return Problems.BadRequest(
                $"'interval' must be one of: "
                    + $"{string.Join(", ", WireName.All<SeriesInterval>())}; 'scope' one of: subtree, self."
            );
        }

        var points = range.Value.Split(step).ToList();
        if ((index || holders is not null) && points.Count > MaxIndexPoints)
        {
            return Problems.BadRequest(
                $"A series of the index or in another structure than as-of holds at most {MaxIndexPoints} points "
                    + $"(each point reads every unit's figures); this one would have {points.Count}. Use "
                    + "interval=week or month, or a shorter range."
            );
        }

        return points.Count > MaxPoints
            ? Problems.BadRequest(
                $"A series holds at most {MaxPoints} points; this one would have {points.Count}. "
                    + $"Use a longer interval or a shorter range."
            )
            : new SeriesQuery(unit.Value, indicator.Value, step, points, Scope != "self", rule.Value)
            {
                Structure = structure.Value,
                Holders = holders,
            };
    }
}

/// <summary>One indicator of a unit, point by point: each point a day, week or month, over the unit's subtree or its
/// own dossiers.</summary>
internal sealed record SeriesQuery(
    Unit Unit,
    string Indicator,
    SeriesInterval Interval,
    IReadOnlyList<Period> Points,
    bool Subtree,
    OnTimeRule Rule
)
{
    /// <summary>The reading of the units: as of each point (the default) or in the structure of a date.</summary>
    public StructureReading Structure { get; init; } = StructureReading.AsOf;

    /// <summary>The structure's holders; null when reading as of each point.</summary>
    public UnitHolders? Holders { get; init; }
}
