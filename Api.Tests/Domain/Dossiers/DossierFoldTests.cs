using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;

namespace Scorecard.Api.Tests.Domain.Dossiers;

public sealed class DossierFoldTests
{
    private static readonly WorkCalendar Weekdays = WorkCalendar.WeekdaysOnly;

    [Test]
    public void Fold_WhenNoReceivedEvent_IsNull()
    {
        var events = new DossierBuilder()
            .Paid("2023-07-24T08:00:00+07:00", PaymentMethod.Online, 50_000)
            .Events()
            .Skip(1);

        Assert.That(DossierFold.Fold(events, null, Weekdays), Is.Null);
    }

    [Test]
    public void Fold_WhenReceived_CopiesReceptionFields()
    {
        var d = new DossierBuilder().Online().DigitisedOnReceipt().PopulationDbOnReceipt().Build();

        Assert.Multiple(() =>
        {
            Assert.That(d.DossierCode, Is.EqualTo("HS-1"));
            Assert.That(d.ProcedureCode, Is.EqualTo("1.000001"));
            Assert.That(d.UnitCode, Is.EqualTo("49.SNV"));
            Assert.That(d.Channel, Is.EqualTo(Channel.Online));
            Assert.That(d.ReceivedAt, Is.EqualTo(Parse.At("2023-07-24T02:00:00Z")));
            Assert.That(d.IsReceived, Is.True);
            Assert.That(d.IsFinished, Is.False);
            Assert.That(d.Status, Is.EqualTo(DossierStatus.Received));
            Assert.That(d.Digitised && d.PopulationDbUsed, Is.True);
            Assert.That(d.FinishKind, Is.EqualTo(FinishKind.None));
        });
    }

    [Test]
    public void Fold_WhenInstantsGivenWithOffsets_StoresThemInUtc()
    {
        var d = new DossierBuilder().DueAt("2023-08-10T17:00:00+07:00").FinishedAt("2023-08-01T09:00:00+07:00").Build();

        Assert.That(
            new[] { d.ReceivedAt, d.BaseDueAt!.Value, d.DueAt!.Value, d.FinishedAt!.Value }.Select(x => x.Offset),
            Is.All.EqualTo(TimeSpan.Zero)
        );
        Assert.That(d.FinishedAt, Is.EqualTo(Parse.At("2023-08-01T02:00:00Z")));
    }

    [Test]
    public void Fold_WhenPaidBeforeReceived_StillCountsPayment()
    {
        var d = new DossierBuilder()
            .FeeRequired()
            .Paid("2023-07-24T08:00:00+07:00", PaymentMethod.Online, 50_000)
            .Paid("2023-07-25T08:00:00+07:00", PaymentMethod.Offline, 20_000)
            .Build();

        Assert.That(d.PaidOnline, Is.True);
        Assert.That(d.AmountPaid, Is.EqualTo(70_000)); // 50,000 + 20,000 VND
        Assert.That(d.FeeRequired, Is.True);
    }

    [TestCase(true, null, true)]
    [TestCase(true, false, false)]
    [TestCase(false, null, false)]
    [TestCase(false, true, true)]
    public void Fold_WhenFeeRequiredOmitted_DefaultsToProcedureHasFee(bool hasFee, bool? given, bool expected)
    {
        var procedure = hasFee ? new ProcedureBuilder().WithFee().Build() : new ProcedureBuilder().Build();
        var builder = new DossierBuilder().For(procedure);
        if (given is { } g)
        {
            builder.FeeRequired(g);
        }

        Assert.That(builder.Build().FeeRequired, Is.EqualTo(expected));
    }

    [Test]
    public void Fold_WhenNoProcedure_HasNoDeadlineAndNoFee()
    {
        var d = new DossierBuilder().For(null).Build();

        Assert.That(d.DueAt, Is.Null);
        Assert.That(d.FeeRequired, Is.False);
    }

    [Test]
    public void Fold_WhenResolvedReturnedStopped_ResolvedWinsWhateverTheOrder()
    {
        var d = new DossierBuilder()
            .StoppedAt("2023-07-25T09:00:00+07:00")
            .ReturnedAt("2023-07-26T09:00:00+07:00", electronic: true)
            .FinishedAt("2023-07-27T09:00:00+07:00")
            .Build();

        Assert.That(d.FinishedAt, Is.EqualTo(Parse.At("2023-07-27T09:00:00+07:00")));
        Assert.That(d.FinishKind, Is.EqualTo(FinishKind.Resolved));
        Assert.That(d.Status, Is.EqualTo(DossierStatus.Resolved));
        Assert.That(d.ReturnedAt, Is.EqualTo(Parse.At("2023-07-26T09:00:00+07:00")));
        Assert.That(d.ElectronicResult, Is.True);
    }

    [Test]
    public void Fold_WhenReturnedAndStopped_ReturnedWinsWithFirstReturnedTime()
    {
        var d = new DossierBuilder()
            .ReturnedAt("2023-07-27T09:00:00+07:00")
            .ReturnedAt("2023-07-28T09:00:00+07:00")
            .StoppedAt("2023-07-26T09:00:00+07:00")
            .Build();

        Assert.That(d.FinishedAt, Is.EqualTo(Parse.At("2023-07-27T09:00:00+07:00")));
        Assert.That(d.Status, Is.EqualTo(DossierStatus.Returned));
    }

    [Test]
    public void Fold_WhenStoppedOnly_IsStopped()
    {
        var d = new DossierBuilder().StoppedAt("2023-07-26T09:00:00+07:00").Build();

        Assert.That(d.FinishKind, Is.EqualTo(FinishKind.Stopped));
        Assert.That(d.Status, Is.EqualTo(DossierStatus.Stopped));
    }

    [Test]
    public void Fold_WhenResultIssuedElectronically_RecordsItWithoutFinishing()
    {
        var d = new DossierBuilder()
            .Event(DossierEventType.ResultIssued, "2023-07-26T09:00:00+07:00", e => e with { ElectronicResult = true })
            .Build();

        Assert.That(d.ResultIssuedAt, Is.EqualTo(Parse.At("2023-07-26T09:00:00+07:00")));
        Assert.That(d.ElectronicResult, Is.True);
        Assert.That(d.IsFinished, Is.False);
    }

    [TestCase(DossierEventType.Withdrawn, DossierStatus.Withdrawn)]
    [TestCase(DossierEventType.Refused, DossierStatus.Refused)]
    public void Fold_WhenWithdrawnOrRefused_IsTerminalEvenIfResolved(DossierEventType type, DossierStatus expected)
    {
        var d = new DossierBuilder()
            .Event(type, "2023-07-25T09:00:00+07:00")
            .FinishedAt("2023-07-26T09:00:00+07:00")
            .Build();

        Assert.That(d.Status, Is.EqualTo(expected));
        Assert.That(d.IsCounted, Is.False);
    }

    [Test]
    public void Fold_WhenEventsOfTwoDossiers_Throws()
    {
        var events = new DossierBuilder().Events().Concat(new DossierBuilder().Code("HS-2").Events());

        Assert.That(
            () => DossierFold.Fold(events, null, Weekdays),
            Throws.ArgumentException.With.Message.Contains("same dossier")
        );
    }

    [Test]
    public void Fold_WhenNullArguments_Throws()
    {
        Assert.That(() => DossierFold.Fold(null!, null, Weekdays), Throws.ArgumentNullException);
        Assert.That(() => DossierFold.Fold([], null, null!), Throws.ArgumentNullException);
    }
}
