using FluentValidation;
using Scorecard.Api.Validation;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;
using Scorecard.Domain.Wire;

namespace Scorecard.Api.Endpoints;

internal sealed record TargetRequest(
    string? UnitCode,
    string? Indicator,
    string? Period,
    decimal? Target,
    decimal? Baseline,
    string? AssignedBy,
    string? Reference,
    string? AppliesToLevel
)
{
    public TargetAssignment ToAssignment() =>
        new(
            UnitCode!,
            Indicator!,
            Domain.Periods.Period.Parse(Period!),
            Target!.Value,
            Baseline,
            AssignedBy!,
            Reference,
            AppliesToLevel is null ? null : WireName.Parse<UnitLevel>(AppliesToLevel)
        );
}

internal sealed class TargetBatchValidator : AbstractValidator<List<TargetRequest>>
{
    public TargetBatchValidator()
    {
        RuleFor(b => b)
            .NotEmpty()
            .WithMessage("Send at least one target.")
            .Must(b => b.Count <= ValidationExtensions.MaxBatchItems)
            .WithMessage($"Send at most {ValidationExtensions.MaxBatchItems} targets per request.")
            .Must(b => b.Where(t => t is not null).GroupBy(Slot).All(g => g.Count() == 1))
            .WithMessage("Each target (unit, indicator, period, level it applies to) may appear once per request.");
        RuleForEach(b => b)
            .NotNull()
            .ChildRules(t =>
            {
                t.RuleFor(x => x.UnitCode).NotEmpty().IsCode();
                t.RuleFor(x => x.Indicator).NotEmpty().IsCode();
                t.RuleFor(x => x.Period)
                    .NotEmpty()
                    .Must(p => Period.TryParse(p, out _, out _))
                    .WithMessage(x => Period.TryParse(x.Period, out _, out var error) ? "" : error);
                t.RuleFor(x => x.Target).NotNull().InclusiveBetween(0m, 100m);
                t.RuleFor(x => x.Baseline).InclusiveBetween(0m, 100m);
                t.RuleFor(x => x.AssignedBy).NotEmpty().IsCode();
                t.RuleFor(x => x.Reference).MaximumLength(ValidationExtensions.MaxNameLength);
                t.RuleFor(x => x.AppliesToLevel).IsOneOf(WireName.All<UnitLevel>());
            })
            .OverridePropertyName("targets");
    }

    /// <summary>What a target is stored under; the period in canonical form (2025S1 and 2025-H1 are one
    /// slot).</summary>
    private static (string?, string?, string?, string?) Slot(TargetRequest t) =>
        (
            t.UnitCode,
            t.Indicator,
            Period.TryParse(t.Period, out var period, out _) ? period!.Code : t.Period,
            t.AppliesToLevel
        );
}

internal sealed record IndicatorValueRequest(
    string? Indicator,
    string? UnitCode,
    string? Period,
    long? Numerator,
    long? Denominator
);

internal sealed class IndicatorValueBatchValidator : AbstractValidator<List<IndicatorValueRequest>>
{
    public IndicatorValueBatchValidator()
    {
        RuleFor(b => b)
            .NotEmpty()
            .WithMessage("Send at least one value.")
            .Must(b => b.Count <= ValidationExtensions.MaxBatchItems)
            .WithMessage($"Send at most {ValidationExtensions.MaxBatchItems} values per request.");
        RuleForEach(b => b)
            .NotNull()
            .ChildRules(v =>
            {
                v.RuleFor(x => x.Indicator).NotEmpty().IsCode();
                v.RuleFor(x => x.UnitCode).NotEmpty().IsCode();
                v.RuleFor(x => x.Period)
                    .NotEmpty()
                    .Must(p => Period.TryParse(p, out _, out _))
                    .WithMessage(x => Period.TryParse(x.Period, out _, out var error) ? "" : error);
                v.RuleFor(x => x.Numerator).NotNull().InclusiveBetween(0, long.MaxValue / 4);
                v.RuleFor(x => x.Denominator).NotNull().InclusiveBetween(0, long.MaxValue / 4);
            })
            .OverridePropertyName("values");
    }
}
