using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Reports;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;

namespace Scorecard.Api.Endpoints;

/// <summary>The parameters of <c>GET /api/units</c>, as sent: filters, all optional, and a page.</summary>
internal sealed record UnitListRequest(
    [FromQuery(Name = "level")] string? Level,
    [FromQuery(Name = "parentCode")] string? ParentCode,
    [FromQuery(Name = "validOn")] DateOnly? ValidOn,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "top")] int? Top,
    [FromQuery(Name = "skip")] int? Skip
)
{
    public const int DefaultTop = 1000;
    public const int MaxTop = 10_000;
    public const int MaxSkip = 1_000_000;
    public const int MaxQueryLength = 100;

    /// <summary>The filters and page asked for, or the problem of the first bad parameter; <paramref
    /// name="callerScope"/> limits the parent it may name.</summary>
    public Parsed<UnitListQuery> Parse(UnitTree tree, string? callerScope)
    {
        UnitLevel? level = null;
        if (Level is not null)
        {
            if (!WireName.TryParse(Level, out UnitLevel parsed))
            {
                return Problems.BadRequest(
                    $"'level' must be one of: {string.Join(", ", WireName.All<UnitLevel>())}; got '{Level}'."
                );
            }

            level = parsed;
        }

        if (ParentCode is not null)
        {
            if (!tree.Contains(ParentCode))
            {
                return Problems.NotFound($"Unit '{ParentCode}' does not exist.");
            }

            if (callerScope is not null && !tree.IsAncestorOrSelf(callerScope, ParentCode))
            {
                return Problems.OutsideScope(ParentCode, callerScope);
            }
        }

        if (Q is { Length: > MaxQueryLength })
        {
            return Problems.BadRequest($"'q' holds at most {MaxQueryLength} characters.");
        }

        if (Top is < 1 or > MaxTop || Skip is < 0 or > MaxSkip)
        {
            return Problems.BadRequest(
                $"'top' must be from 1 to {MaxTop} (default {DefaultTop}); 'skip' from 0 to {MaxSkip}."
            );
        }

        var folded = string.IsNullOrWhiteSpace(Q) ? null : UnitNameSearch.Fold(Q);
        return new UnitListQuery(level, ParentCode, ValidOn, folded, Top ?? DefaultTop, Skip ?? 0);
    }
}

/// <summary>Units of a level, children of a parent, active on a date, whose folded name holds a text; one page of
/// them.</summary>
internal sealed record UnitListQuery(
    UnitLevel? Level,
    string? ParentCode,
    DateOnly? ValidOn,
    string? FoldedName,
    int Top,
    int Skip
)
{
    public bool Matches(Unit unit) =>
        (Level is null || unit.Level == Level)
        && (ParentCode is null || unit.ParentCode == ParentCode)
        && (ValidOn is null || unit.IsActiveOn(ValidOn.Value))
        && (FoldedName is null || UnitNameSearch.Matches(unit.Name, FoldedName));
}
