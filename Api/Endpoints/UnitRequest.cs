using FluentValidation;
using Scorecard.Api.Validation;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Endpoints;

internal sealed class UnitRequest
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Level { get; init; }
    public string? Kind { get; init; }
    public string? ParentCode { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public List<string>? SuccessorCodes { get; init; }

    /// <summary>Of several successors, the one that takes the unit's history in today's structure.</summary>
    public string? PrimarySuccessor { get; init; }
    public Dictionary<string, string>? ExternalIds { get; init; }

    public Unit ToUnit() =>
        new(
            Code!,
            Name!.Trim(),
            WireName.Parse<UnitLevel>(Level!),
            WireName.Parse<UnitKind>(Kind!),
            ParentCode,
            ValidFrom,
            ValidTo,
            SuccessorCodes ?? [],
            ExternalIds ?? []
        )
        {
            PrimarySuccessor = PrimarySuccessor,
        };
}

internal sealed class UnitRequestValidator : AbstractValidator<UnitRequest>
{
    public UnitRequestValidator()
    {
        RuleFor(u => u.Code).NotEmpty().IsCode();
        RuleFor(u => u.Name).NotEmpty().MaximumLength(ValidationExtensions.MaxNameLength);
        RuleFor(u => u.Level).NotEmpty().IsOneOf(WireName.All<UnitLevel>());
        RuleFor(u => u.Kind).NotEmpty().IsOneOf(WireName.All<UnitKind>());
        RuleFor(u => u.ParentCode).IsCode().When(u => u.ParentCode is not null);
        RuleFor(u => u.ValidTo)
            .GreaterThanOrEqualTo(u => u.ValidFrom)
            .When(u => u.ValidFrom is not null && u.ValidTo is not null)
            .WithMessage("'Valid To' must not be before 'Valid From'.");
        RuleFor(u => u.SuccessorCodes)
            .Must(s => s!.Count <= 50)
            .When(u => u.SuccessorCodes is not null)
            .WithMessage("At most 50 successor codes.");
        RuleForEach(u => u.SuccessorCodes).NotEmpty().IsCode();
        RuleFor(u => u.PrimarySuccessor).IsCode().When(u => u.PrimarySuccessor is not null);
        RuleFor(u => u.ExternalIds)
            .Must(e => e!.Count <= 20)
            .When(u => u.ExternalIds is not null)
            .WithMessage("At most 20 external ids.");
        RuleForEach(u => u.ExternalIds)
            .Must(e =>
                e.Key.Length is > 0 and <= ValidationExtensions.MaxCodeLength && e.Value is { Length: > 0 and <= 128 }
            )
            .WithMessage("External id systems are 1–64 characters and ids 1–128.");
    }
}

internal sealed class UnitBatchValidator : AbstractValidator<List<UnitRequest>>
{
    public UnitBatchValidator()
    {
        RuleFor(b => b)
            .NotEmpty()
            .WithMessage("Send at least one unit.")
            .Must(b => b.Count <= ValidationExtensions.MaxBatchItems)
            .WithMessage($"Send at most {ValidationExtensions.MaxBatchItems} units per request.");
        RuleForEach(b => b).NotNull().SetValidator(new UnitRequestValidator()).OverridePropertyName("units");
    }
}
