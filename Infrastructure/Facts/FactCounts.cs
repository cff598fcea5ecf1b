using System.Runtime.CompilerServices;
using Scorecard.Domain.Indicators;

namespace Scorecard.Infrastructure.Facts;

/// <summary>
/// One row of <c>daily_facts</c> or <c>monthly_facts</c> (or a change to one): counts of dossiers of
/// one unit on one Vietnam day or month, one per <see cref="FactCounter"/>. See
/// Migrations/Sqlite/0002_DailyFacts.sql for which indicator each pair feeds.
/// </summary>
public readonly struct FactCounts : IEquatable<FactCounts>
{
    /// <summary>Each dossier-based indicator's numerator and denominator counters (on-time by rule
    /// <c>finished</c>; the national rule is counted from the dossiers themselves).</summary>
    public static IReadOnlyDictionary<string, (FactCounter Numerator, FactCounter Denominator)> Indicators { get; } =
        new Dictionary<string, (FactCounter, FactCounter)>(StringComparer.Ordinal)
        {
            [IndicatorCodes.OnTime] = (FactCounter.FinishedOnTime, FactCounter.Finished),
            [IndicatorCodes.OnlineSubmission] = (FactCounter.Online, FactCounter.Received),
            [IndicatorCodes.OnlinePayment] = (FactCounter.PaidOnline, FactCounter.FeeRequired),
            [IndicatorCodes.Digitisation] = (FactCounter.Digitised, FactCounter.Received),
            [IndicatorCodes.EResult] = (FactCounter.ElectronicResult, FactCounter.PaperResult),
            [IndicatorCodes.PopulationDb] = (FactCounter.PopulationDbUsed, FactCounter.Received),
            [IndicatorCodes.FullOnline] = (FactCounter.FullOnline, FactCounter.FullOnlineEligible),
            [IndicatorCodes.DataReuse] = (FactCounter.ReusedData, FactCounter.Received),
            [IndicatorCodes.PersonalDataStore] = (FactCounter.PersonalDataStore, FactCounter.Received),
            [IndicatorCodes.ChannelOnline] = (FactCounter.ChannelOnline, FactCounter.Received),
            [IndicatorCodes.ChannelDirect] = (FactCounter.ChannelDirect, FactCounter.Received),
            [IndicatorCodes.ChannelPostal] = (FactCounter.ChannelPostal, FactCounter.Received),
        };

    /// <summary>The counters <see cref="NationalOnTime"/> reads.</summary>
    public static IReadOnlyList<FactCounter> NationalOnTimeCounters { get; } =
    [
        FactCounter.Received,
        FactCounter.Ended,
        FactCounter.EndedInTime,
        FactCounter.ReceivedManySupplements,
        FactCounter.EndedManySupplements,
        FactCounter.Deadline,
        FactCounter.DeadlineEnded,
    ];

    private readonly Counters values;

    private FactCounts(Counters values) => this.values = values;

    public long this[FactCounter counter] => values[(int)counter];

    public bool IsZero => this == default;

    public bool HasNegative
    {
        get
        {
            for (var i = 0; i < Counters.Length; i++)
            {
                if (values[i] < 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Counts with the given counters set and every other one zero.</summary>
    public static FactCounts Of(params ReadOnlySpan<(FactCounter Counter, long Value)> set)
    {
        var values = default(Counters);
        foreach (var (counter, value) in set)
        {
            values[(int)counter] = value;
        }

        return new FactCounts(values);
    }

    /// <summary>Counts read back from a row: <paramref name="value"/> gives each counter's value.</summary>
    public static FactCounts From(Func<FactCounter, long> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var values = default(Counters);
        for (var i = 0; i < Counters.Length; i++)
        {
            values[i] = value((FactCounter)i);
        }

        return new FactCounts(values);
    }

    public static FactCounts operator +(FactCounts a, FactCounts b)
    {
        var sum = default(Counters);
        for (var i = 0; i < Counters.Length; i++)
        {
            sum[i] = a.values[i] + b.values[i];
        }

        return new FactCounts(sum);
    }

    public static FactCounts operator -(FactCounts a)
    {
        var negated = default(Counters);
        for (var i = 0; i < Counters.Length; i++)
        {
            negated[i] = -a.values[i];
        }

        return new FactCounts(negated);
    }

    public static bool operator ==(FactCounts a, FactCounts b) => a.Equals(b);

    public static bool operator !=(FactCounts a, FactCounts b) => !a.Equals(b);

    public static FactCounts Add(FactCounts left, FactCounts right) => left + right;

    public static FactCounts Negate(FactCounts value) => -value;

    public bool Equals(FactCounts other) => ((ReadOnlySpan<long>)values).SequenceEqual(other.values);

    public override bool Equals(object? obj) => obj is FactCounts other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes((ReadOnlySpan<long>)values));
        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var self = this;
        return string.Join(
            ", ",
            Enumerable.Range(0, Counters.Length).Select(i => $"{(FactCounter)i} = {self[(FactCounter)i]}")
        );
    }

    /// <summary>What a dossier adds on the day it was received (numerators only inside their denominators).</summary>
    public static FactCounts ReceivedSide(DossierFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Of(
            (FactCounter.Received, 1),
            (FactCounter.Online, One(f.OnlineCounted)),
            (FactCounter.FeeRequired, One(f.FeeRequired)),
            (FactCounter.PaidOnline, One(f.FeeRequired && f.PaidOnline)),
            (FactCounter.Digitised, One(f.DigitisedCounted)),
            (FactCounter.PaperResult, One(f.PaperResult)),
            (FactCounter.ElectronicResult, One(f.PaperResult && f.ElectronicResult)),
            (FactCounter.PopulationDbUsed, One(f.PopulationDbUsed)),
            (FactCounter.FullOnlineEligible, One(f.FullOnlineEligible)),
            (FactCounter.FullOnline, One(f.FullOnlineEligible && f.Online)),
            (FactCounter.ReusedData, One(f.ReusedDigitisedData)),
            (FactCounter.PersonalDataStore, One(f.FromPersonalDataStore)),
            (FactCounter.Complaints, One(f.Complaint)),
            (FactCounter.ChannelOnline, One(f.Online)),
            (FactCounter.ChannelDirect, One(!f.Online && !f.Postal)),
            (FactCounter.ChannelPostal, One(f.Postal)),
            (FactCounter.ReceivedManySupplements, One(f.ManySupplements))
        );
    }

    /// <summary>What a dossier adds on the day its handling ended by the national reading.</summary>
    public static FactCounts EndedSide(DossierFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.EndedDay is null
            ? default
            : Of(
                (FactCounter.Ended, 1),
                (FactCounter.EndedInTime, One(f.EndedInTime)),
                (FactCounter.EndedManySupplements, One(f.ManySupplements))
            );
    }

    /// <summary>
    /// The national on-time figure (2.1) of a period from the counts summed over the days before it (<paramref
    /// name="before"/>) and over its days (<paramref name="within"/>). Denominator: received before its end and
    /// not ended before its start. Numerator: ended in it in time, plus those open at its end with at most one
    /// supplement request and not late: late at its end when it is over (<paramref name="lateOpen"/> null), or
    /// <paramref name="lateOpen"/> of them late now while it runs.
    /// </summary>
    public static Ratio NationalOnTime(FactCounts before, FactCounts within, long? lateOpen)
    {
        var through = before + within;
        var open = through[FactCounter.Received] - through[FactCounter.Ended];
        var openMany = through[FactCounter.ReceivedManySupplements] - through[FactCounter.EndedManySupplements];
        var late = lateOpen ?? through[FactCounter.Deadline] - through[FactCounter.DeadlineEnded];
        return new Ratio(
            within[FactCounter.EndedInTime] + open - openMany - late,
            through[FactCounter.Received] - before[FactCounter.Ended]
        );
    }

    /// <summary>What a dossier adds on the day it was finished (withdrawn and refused dossiers: nothing).</summary>
    public static FactCounts FinishedSide(DossierFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!f.Counted || f.FinishedDay is null)
        {
            return default;
        }

        return Of((FactCounter.Finished, 1), (FactCounter.FinishedOnTime, One(f.FinishedEarlyOrOnTime)));
    }

    /// <summary>The complaints share of 5.4: dossiers with a complaint ÷ dossiers received.</summary>
    public Ratio Complaints => new(this[FactCounter.Complaints], this[FactCounter.Received]);

    /// <summary>The dossier-based indicators these counts give (rule <c>finished</c>).</summary>
    public IReadOnlyDictionary<string, Ratio> Ratios()
    {
        var ratios = new Dictionary<string, Ratio>(Indicators.Count, StringComparer.Ordinal);
        foreach (var (code, (numerator, denominator)) in Indicators)
        {
            ratios[code] = new Ratio(this[numerator], this[denominator]);
        }

        return ratios;
    }

    private static long One(bool flag) => flag ? 1 : 0;

    [InlineArray(Length)]
    private struct Counters
    {
        public const int Length = (int)FactCounter.Count;

        private long first;
    }
}
