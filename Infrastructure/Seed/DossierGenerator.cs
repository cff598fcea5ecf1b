using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Units;

namespace Scorecard.Infrastructure.Seed;

/// <summary>The events of one generated dossier; events after <c>asOf</c> have not happened yet.</summary>
internal sealed class DossierGenerator(Random random, WorkCalendar calendar, UnitProfile profile, DateTimeOffset asOf)
{
    private readonly List<DossierEvent> events = [];
    private string code = "";

    public List<DossierEvent> Generate(string dossierCode, Unit unit, Procedure procedure, DateTimeOffset received)
    {
        code = dossierCode;
        if (received > asOf)
        {
            return events;
        }

        var online = procedure.OnlineService != OnlineService.None && Chance(profile.Online);
        // The national method's fields draw from their own sequence, so the rest of the data stays as it was.
        var national = new Random(StableHash(dossierCode));
        var waived = procedure.HasFee && national.NextDouble() < 0.1;
        var reused = national.NextDouble() < 0.3;
        var dataStore = online && national.NextDouble() < 0.4;
        var vneid = online && procedure.PersonApplicant && national.NextDouble() < 0.6;
        var feedback = national.NextDouble() < 0.05 ? national.NextDouble() < 0.8 : (bool?)null;
        Add(DossierEventType.Received, received, e =>
            e with
            {
                ProcedureCode = procedure.Code,
                UnitCode = unit.Code,
                Channel =
                    online ? Channel.Online
                    : Chance(0.1) ? Channel.Postal
                    : Channel.Direct,
                Digitised = Chance(profile.Digitised),
                PopulationDbUsed = procedure.PersonApplicant && Chance(profile.PopulationDb),
                FeeAmount = waived ? 0 : null,
                ReusedDigitisedData = reused,
                FromPersonalDataStore = dataStore,
                VneidAuthenticated = vneid,
            }
        );
        if (procedure.HasFee)
        {
            var paidOnline = online && Chance(profile.PaidOnline / Math.Max(profile.Online, 0.05));
            Add(DossierEventType.Paid, received.AddMinutes(random.Next(5, 600)), e =>
                e with
                {
                    PaymentMethod = paidOnline ? PaymentMethod.Online : PaymentMethod.Offline,
                    Amount = random.Next(1, 40) * 10_000L,
                }
            );
        }

        if (Chance(0.015))
        {
            Add(
                Chance(0.6) ? DossierEventType.Withdrawn : DossierEventType.Refused,
                received.AddHours(random.Next(2, 72)),
                e => e
            );
            return events;
        }

        var due = procedure.ProcessingTime?.DueFrom(received, calendar) ?? received.AddDays(10);
        var span = due - received;
        var pause = TimeSpan.Zero;
        if (Chance(0.08))
        {
            var requested = received + span * random.NextDouble() * 0.5;
            pause = TimeSpan.FromHours(random.Next(4, 120));
            Add(DossierEventType.SupplementRequested, requested, e => e);
            Add(DossierEventType.SupplementCompleted, requested + pause, e => e);
            if (Chance(0.12))
            {
                Add(DossierEventType.SupplementRequested, requested + pause + TimeSpan.FromHours(2), e => e);
                Add(DossierEventType.SupplementCompleted, requested + pause + TimeSpan.FromHours(30), e => e);
                pause += TimeSpan.FromHours(30);
            }
        }

        var finished = Chance(profile.OnTime)
            ? received + pause + span * (0.15 + random.NextDouble() * 0.8)
            : due + pause + TimeSpan.FromHours(random.Next(2, 24 * 12));
        var electronic = Chance(profile.ElectronicResult);
        Add(DossierEventType.Resolved, finished, e => e with { ElectronicResult = electronic });
        Add(DossierEventType.Returned, finished.AddHours(random.Next(1, 48)), e =>
            e with
            {
                ElectronicResult = electronic,
            }
        );
        if (feedback is { } satisfied)
        {
            Add(DossierEventType.Feedback, finished.AddDays(3), e => e with { Satisfied = satisfied });
        }

        return events;
    }

    /// <summary>A hash of the code that is the same in every process (string hashes are not).</summary>
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var ch in text)
        {
            hash = unchecked(hash * 31 + ch);
        }

        return hash;
    }

    private bool Chance(double p) => random.NextDouble() < p;

    private void Add(DossierEventType type, DateTimeOffset at, Func<DossierEvent, DossierEvent> fill)
    {
        if (at <= asOf)
        {
            var instant = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            events.Add(fill(new DossierEvent($"{code}-{events.Count + 1}", code, type, instant, 0)));
        }
    }
}
