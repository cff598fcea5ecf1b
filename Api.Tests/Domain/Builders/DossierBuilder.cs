using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Procedures;

namespace Scorecard.Api.Tests.Domain.Builders;

/// <summary>
/// Builds a dossier's events and folds them. Defaults: a direct dossier received Monday 2023-07-24
/// 09:00+07:00 for a 5-working-day procedure on a weekdays-only calendar (due Mon 2023-07-31 09:00).
/// </summary>
internal sealed class DossierBuilder
{
    private readonly List<DossierEvent> extra = [];
    private string code = "HS-1";
    private Channel channel = Channel.Direct;
    private DateTimeOffset receivedAt = Parse.At("2023-07-24T09:00:00+07:00");
    private DateTimeOffset? dueAt;
    private bool? feeRequired;
    private bool? digitised;
    private bool? populationDbUsed;
    private Procedure? procedure = new ProcedureBuilder().Build();
    private WorkCalendar calendar = WorkCalendar.WeekdaysOnly;
    private Func<DossierEvent, DossierEvent> receivedChange = e => e;

    public Procedure? Procedure => procedure;

    public DossierBuilder Code(string value)
    {
        code = value;
        return this;
    }

    public DossierBuilder Online()
    {
        channel = Channel.Online;
        return this;
    }

    public DossierBuilder Via(Channel value)
    {
        channel = value;
        return this;
    }

    public DossierBuilder ReceivedAt(string at)
    {
        receivedAt = Parse.At(at);
        return this;
    }

    public DossierBuilder DueAt(string at)
    {
        dueAt = Parse.At(at);
        return this;
    }

    public DossierBuilder FeeRequired(bool value = true)
    {
        feeRequired = value;
        return this;
    }

    public DossierBuilder DigitisedOnReceipt(bool value = true)
    {
        digitised = value;
        return this;
    }

    public DossierBuilder PopulationDbOnReceipt(bool value = true)
    {
        populationDbUsed = value;
        return this;
    }

    /// <summary>Changes the <c>received</c> event (the national method's optional fields).</summary>
    public DossierBuilder Received(Func<DossierEvent, DossierEvent> change)
    {
        receivedChange = change;
        return this;
    }

    public DossierBuilder Feedback(string at, bool satisfied) =>
        Event(DossierEventType.Feedback, at, e => e with { Satisfied = satisfied });

    public DossierBuilder For(Procedure? value)
    {
        procedure = value;
        return this;
    }

    public DossierBuilder On(WorkCalendar value)
    {
        calendar = value;
        return this;
    }

    public DossierBuilder FinishedAt(string at, bool electronic = false) =>
        Event(DossierEventType.Resolved, at, e => e with { ElectronicResult = electronic });

    public DossierBuilder ReturnedAt(string at, bool electronic = false) =>
        Event(DossierEventType.Returned, at, e => e with { ElectronicResult = electronic });

    public DossierBuilder StoppedAt(string at) => Event(DossierEventType.Stopped, at);

    public DossierBuilder Paid(string at, PaymentMethod method, long amount) =>
        Event(DossierEventType.Paid, at, e => e with { PaymentMethod = method, Amount = amount });

    public DossierBuilder SupplementRequested(string at) => Event(DossierEventType.SupplementRequested, at);

    public DossierBuilder SupplementCompleted(string at, string? newDue = null) =>
        Event(DossierEventType.SupplementCompleted, at, e =>
            e with
            {
                DueAt = newDue is null ? null : Parse.At(newDue),
            }
        );

    /// <param name="reason">Why; null as on events stored before reasons were required (read as a correction).</param>
    public DossierBuilder DueChanged(string at, string newDue, DueChangeReason? reason = null) =>
        Event(DossierEventType.DueChanged, at, e => e with { DueAt = Parse.At(newDue), Reason = reason });

    public DossierBuilder Event(DossierEventType type, string at, Func<DossierEvent, DossierEvent>? change = null)
    {
        var e = new DossierEvent($"{code}-e{extra.Count + 2}", code, type, Parse.At(at), extra.Count + 2);
        extra.Add(change is null ? e : change(e));
        return this;
    }

    public List<DossierEvent> Events()
    {
        var received = new DossierEvent($"{code}-e1", code, DossierEventType.Received, receivedAt, 1)
        {
            ProcedureCode = procedure?.Code ?? "1.000001",
            UnitCode = "49.SNV",
            Channel = channel,
            DueAt = dueAt,
            FeeRequired = feeRequired,
            Digitised = digitised,
            PopulationDbUsed = populationDbUsed,
        };
        return [receivedChange(received), .. extra];
    }

    public DossierState Build() =>
        DossierFold.Fold(Events(), procedure, calendar)
        ?? throw new InvalidOperationException("The builder always emits a received event.");
}
