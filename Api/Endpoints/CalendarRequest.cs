using FluentValidation;
using Scorecard.Api.Validation;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Endpoints;

internal sealed class CalendarDayRequest
{
    public DateOnly? Date { get; init; }
    public string? Kind { get; init; }
    public string? Name { get; init; }

    public CalendarDay ToDay() => new(Date!.Value, WireName.Parse<CalendarDayKind>(Kind!), Name!.Trim());
}

internal sealed class CalendarBatchValidator : AbstractValidator<List<CalendarDayRequest>>
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public CalendarBatchValidator()
    {
        RuleFor(b => b)
            .NotEmpty()
            .WithMessage("Send at least one day.")
            .Must(b => b.Count <= ValidationExtensions.MaxBatchItems)
            .WithMessage($"Send at most {ValidationExtensions.MaxBatchItems} days per request.")
            .Must(b => b.Where(d => d?.Date is not null).GroupBy(d => d.Date).All(g => g.Count() == 1))
            .WithMessage("Each date may appear once per request.");
        RuleForEach(b => b)
            .NotNull()
            .ChildRules(day =>
            {
                day.RuleFor(d => d.Date).NotNull().InclusiveBetween(Earliest, Latest);
                day.RuleFor(d => d.Kind).NotEmpty().IsOneOf(WireName.All<CalendarDayKind>());
                day.RuleFor(d => d.Name).NotEmpty().MaximumLength(ValidationExtensions.MaxNameLength);
            })
            .OverridePropertyName("days");
    }
}
