using FluentValidation;
using Scorecard.Api.Validation;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Endpoints;

internal sealed class ProcedureRequest
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Field { get; init; }
    public string? Level { get; init; }
    public string? OnlineService { get; init; }
    public bool? Integrated { get; init; }
    public bool? HasFee { get; init; }
    public bool? PersonApplicant { get; init; }

    /// <summary>The national method's name for <see cref="PersonApplicant"/> (a citizen can apply); either is
    /// accepted.</summary>
    public bool? CitizenApplicant { get; init; }

    public bool? PaperResult { get; init; }
    public bool? FullOnlineEligible { get; init; }
    public bool? OnlinePaymentOnPortal { get; init; }
    public ProcessingTimeRequest? ProcessingTime { get; init; }
    public DateOnly? OnlineOnlyFrom { get; init; }
    public DateOnly? OnlineOnlyTo { get; init; }

    public Procedure ToProcedure() =>
        new(
            Code!,
            Name!.Trim(),
            Field!.Trim(),
            WireName.Parse<UnitLevel>(Level!),
            WireName.Parse<OnlineService>(OnlineService!),
            Integrated ?? false,
            HasFee ?? false,
            CitizenApplicant ?? PersonApplicant ?? false,
            ProcessingTime is { Unit: { } unit } time
                ? new ProcessingTime(time.Value ?? 1, WireName.Parse<ProcessingTimeUnit>(unit))
                : null,
            OnlineOnlyFrom,
            OnlineOnlyTo
        )
        {
            PaperResult = PaperResult ?? true,
            FullOnlineEligible = FullOnlineEligible,
            OnlinePaymentOnPortal = OnlinePaymentOnPortal ?? false,
        };
}

/// <summary>A processing time: a value (decimals allowed, at most two places) and a unit; a same-day procedure needs no
/// value.</summary>
internal sealed class ProcessingTimeRequest
{
    public decimal? Value { get; init; }
    public string? Unit { get; init; }
}

internal sealed class ProcedureRequestValidator : AbstractValidator<ProcedureRequest>
{
    public ProcedureRequestValidator()
    {
        RuleFor(p => p.Code).NotEmpty().IsCode();
        RuleFor(p => p.Name).NotEmpty().MaximumLength(512);
        RuleFor(p => p.Field).NotEmpty().MaximumLength(ValidationExtensions.MaxNameLength);
        RuleFor(p => p.Level).NotEmpty().IsOneOf(WireName.All<UnitLevel>());
        RuleFor(p => p.OnlineService).NotEmpty().IsOneOf(WireName.All<OnlineService>());
        RuleFor(p => p.ProcessingTime!.Value)
            .NotNull()
            .InclusiveBetween(0, 3650)
            .PrecisionScale(6, 2, ignoreTrailingZeros: true)
            .When(p => p.ProcessingTime is not null && p.ProcessingTime.Unit != WireName.Of(ProcessingTimeUnit.SameDay))
            .OverridePropertyName("processingTime.value");
        RuleFor(p => p.ProcessingTime!.Unit)
            .NotEmpty()
            .IsOneOf(WireName.All<ProcessingTimeUnit>())
            .When(p => p.ProcessingTime is not null)
            .OverridePropertyName("processingTime.unit");
        RuleFor(p => p.OnlineOnlyTo)
            .GreaterThanOrEqualTo(p => p.OnlineOnlyFrom)
            .When(p => p.OnlineOnlyFrom is not null && p.OnlineOnlyTo is not null)
            .WithMessage("'Online Only To' must not be before 'Online Only From'.");
    }
}

internal sealed class ProcedureBatchValidator : AbstractValidator<List<ProcedureRequest>>
{
    public ProcedureBatchValidator()
    {
        RuleFor(b => b)
            .NotEmpty()
            .WithMessage("Send at least one procedure.")
            .Must(b => b.Count <= ValidationExtensions.MaxBatchItems)
            .WithMessage($"Send at most {ValidationExtensions.MaxBatchItems} procedures per request.")
            .Must(b => b.Where(p => p?.Code is not null).GroupBy(p => p.Code).All(g => g.Count() == 1))
            .WithMessage("Each procedure code may appear once per request.");
        RuleForEach(b => b).NotNull().SetValidator(new ProcedureRequestValidator()).OverridePropertyName("procedures");
    }
}
