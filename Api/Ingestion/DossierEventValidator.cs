using FluentValidation;
using Scorecard.Api.Validation;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Time;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Ingestion;

/// <summary>
/// The rules for one event (README "Pushing dossier events"), against the reference data and the clock of this request.
/// Field
/// names in messages are the JSON names, so an integrator can find them in what it sent.
/// </summary>
internal sealed class DossierEventValidator : AbstractValidator<DossierEventRequest>
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);
    public const long MaxAmount = 1_000_000_000_000;

    private const string Received = "received";

    public DossierEventValidator(ReferenceData reference, TimeProvider clock)
    {
        RuleFor(e => e.Id)
            .NotEmpty()
            .MaximumLength(ValidationExtensions.MaxCodeLength)
            .Must(NoControlCharacters)
            .WithMessage("'id' must be 1–64 printable characters.")
            .OverridePropertyName("id");
        RuleFor(e => e.DossierCode).NotEmpty().IsCode().OverridePropertyName("dossierCode");
        RuleFor(e => e.Type).NotEmpty().IsOneOf(DossierEventTypes.WireNames).OverridePropertyName("type");
        RuleFor(e => e.At)
            .NotEmpty()
            .Must((e, _) => e.AtInstant is not null)
            .WithMessage($"'at' must be {InstantText.Expected}.")
            .OverridePropertyName("at")
            .DependentRules(() =>
                RuleFor(e => e.AtInstant!.Value)
                    .Must(at => at >= Earliest && at <= clock.GetUtcNow() + MaxAhead)
                    .WithMessage("'at' must lie between 2000-01-01 and one day from now.")
                    .OverridePropertyName("at")
            );

        When(
            e => e.Type == Received,
            () =>
            {
                RuleFor(e => e.ProcedureCode)
                    .NotEmpty()
                    .IsCode()
                    .OverridePropertyName("procedureCode")
                    .DependentRules(() =>
                        RuleFor(e => e.ProcedureCode)
                            .Must(p => reference.Procedure(p!) is not null)
                            .WithMessage(e => $"Procedure '{e.ProcedureCode}' does not exist.")
                            .OverridePropertyName("procedureCode")
                    );
                RuleFor(e => e.UnitCode)
                    .NotEmpty()
                    .IsCode()
                    .OverridePropertyName("unitCode")
                    .DependentRules(() =>
                        RuleFor(e => e.UnitCode)
                            .Must((e, u) => IsActive(reference, u!, e.AtInstant))
                            .WithMessage(e =>
                                reference.Units.Find(e.UnitCode!) is not { } unit
                                    ? $"Unit '{e.UnitCode}' does not exist."
                                    : $"Unit '{e.UnitCode}' is not active on "
                                        + VietnamTime
                                            .DateOf(e.AtInstant!.Value)
                                            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                                        + $": it is valid {Validity(unit)}"
                                        + (
                                            unit.SuccessorCodes.Count == 0
                                                ? "."
                                                : $"; its successors: {string.Join(", ", unit.SuccessorCodes)}"
                                                    + $" (primary {unit.PrimarySuccessor})."
                                        )
                            )
                            .OverridePropertyName("unitCode")
                    );
                RuleFor(e => e.Channel).NotEmpty().IsOneOf(WireName.All<Channel>()).OverridePropertyName("channel");
            }
        );

        RuleFor(e => e.DueAt)
            .Must((e, _) => e.DueAtInstant is not null)
            .When(e => e.DueAt is not null)
            .WithMessage($"'dueAt' must be {InstantText.Expected}.")
            .OverridePropertyName("dueAt")
            .DependentRules(() =>
                RuleFor(e => e.DueAt)
                    .Must((e, _) => e.DueAtInstant >= e.AtInstant)
                    .When(e => e.DueAt is not null && e.AtInstant is not null)
                    .WithMessage("'dueAt' must not be before 'at'.")
                    .OverridePropertyName("dueAt")
            );

        RuleFor(e => e.Reason)
            .NotEmpty()
            .IsOneOf(WireName.All<DueChangeReason>())
            .When(e => e.Type == "due-changed")
            .OverridePropertyName("reason");

        When(
            e => e.Type == "paid",
            () =>
            {
                RuleFor(e => e.Method).NotEmpty().IsOneOf(WireName.All<PaymentMethod>()).OverridePropertyName("method");
                RuleFor(e => e.Amount).NotNull().InclusiveBetween(0, MaxAmount).OverridePropertyName("amount");
                RuleFor(e => e.Via)
                    .IsOneOf(WireName.All<PaymentChannel>())
                    .When(e => e.Via is not null)
                    .OverridePropertyName("via");
                RuleFor(e => e.Via)
                    .Null()
                    .When(e => e.Method == WireName.Of(PaymentMethod.Offline))
                    .WithMessage("'via' names where an online payment was made; this one is offline.")
                    .OverridePropertyName("via");
            }
        );
        RuleFor(e => e.FeeAmount)
            .InclusiveBetween(0, MaxAmount)
            .When(e => e.Type == Received && e.FeeAmount is not null)
            .OverridePropertyName("feeAmount");
        RuleFor(e => e.Satisfied)
            .NotNull()
            .When(e => e.Type == "feedback")
            .WithMessage("'satisfied' is required on feedback: false is a complaint or a dislike.")
            .OverridePropertyName("satisfied");
    }

    private static bool NoControlCharacters(string? text) => text is null || !text.Any(char.IsControl);

    private static bool IsActive(ReferenceData reference, string unitCode, DateTimeOffset? at) =>
        reference.Units.Find(unitCode) is { } unit && (at is null || unit.IsActiveOn(VietnamTime.DateOf(at.Value)));

    private static string Validity(Domain.Units.Unit unit) =>
        $"from {Day(unit.ValidFrom) ?? "the start"} to {Day(unit.ValidTo) ?? "today"}";

    private static string? Day(DateOnly? day) =>
        day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
