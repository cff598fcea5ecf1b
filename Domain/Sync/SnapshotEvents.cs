using Scorecard.Domain.Dossiers;

namespace Scorecard.Domain.Sync;

/// <summary>
/// Turns a synced dossier into the events it implies beyond those already known of it (stored, or derived
/// from an earlier snapshot of the same request). Every fact has an id derived from the dossier and the fact
/// (<see cref="SyncEventIds"/>), and a fact already known is not derived again, so the same snapshot twice
/// adds nothing and snapshots of one dossier in any order converge.
/// </summary>
public static class SnapshotEvents
{
    public static SnapshotDerivation Derive(
        DossierSnapshot snapshot,
        IReadOnlyList<DossierEvent> known,
        DateTimeOffset now
    )
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(known);
        var code = snapshot.Code;
        var received = known.FirstOrDefault(e => e.Type == DossierEventType.Received);
        if (received is null && snapshot.Status == SyncStatus.Submitted)
        {
            return new([], []);
        }

        var problems = Missing(snapshot, received is null);
        if (problems.Count > 0)
        {
            return new([], problems);
        }

        var derived = new Derived(code, known);
        if (received is null)
        {
            received = Received(snapshot);
            derived.Add(received, "NgayTiepNhan");
        }
        else if (snapshot.Digitised && !known.Any(e => e.Digitised == true || e.Type == DossierEventType.Digitised))
        {
            derived.AddOnce(DossierEventType.Digitised, received.At, "HoSoCoThanhPhanSoHoa");
        }

        if (snapshot.PaidVia is { } via && !derived.Any(e => e.Type == DossierEventType.Paid))
        {
            derived.AddOnce(DossierEventType.Paid, received.At, "DuocThanhToanTrucTuyen", e =>
                e with
                {
                    PaymentMethod = PaymentMethod.Online,
                    PaidVia = via,
                    Amount = snapshot.FeeAmount ?? 0,
                }
            );
        }

        Supplements(snapshot, derived);
        DueChange(snapshot, received, derived, now);
        Ends(snapshot, derived);
        return new(derived.Events, []);
    }

    /// <summary>
    /// A status update [CapNhatTienDoHoSoMC] of a dossier already synced: an end at <paramref name="at"/>, a
    /// supplement request when none is open, the supplement's completion when one is and handling resumes.
    /// </summary>
    public static SnapshotDerivation FromStatus(
        string code,
        SyncStatus status,
        DateTimeOffset at,
        IReadOnlyList<DossierEvent> known
    )
    {
        ArgumentNullException.ThrowIfNull(known);
        if (!known.Any(e => e.Type == DossierEventType.Received))
        {
            return status == SyncStatus.Submitted
                ? new([], [])
                : SnapshotDerivation.Rejected(
                    "MaHoSo",
                    $"Dossier '{code}' has not been received here yet: sync it (DongBoHoSoMC) before its status."
                );
        }

        var derived = new Derived(code, known);
        var open = OpenRequest(derived.All);
        switch (status)
        {
            case SyncStatus.AwaitingSupplement when open is null:
                derived.AddAt(DossierEventType.SupplementRequested, at, "ThoiDiemXuLy");
                break;
            case SyncStatus.Received or SyncStatus.Processing or SyncStatus.AwaitingPayment when open is not null:
                derived.AddAt(DossierEventType.SupplementCompleted, at, "ThoiDiemXuLy", open.At);
                break;
            default:
                if (EndType(status) is { } type)
                {
                    derived.AddOnce(type, at, "ThoiDiemXuLy");
                }

                break;
        }

        return new(derived.Events, []);
    }

    private static List<SnapshotProblem> Missing(DossierSnapshot s, bool receiving)
    {
        var problems = new List<SnapshotProblem>();
        if (receiving)
        {
            Require(problems, s.ReceivedAt is not null, "NgayTiepNhan", "the time the dossier was received");
            Require(problems, s.ProcedureCode is not null, "MaTTHC", "the procedure code");
            Require(problems, s.UnitCode is not null, "MaDinhDanhDV", "the receiving unit (or the 'unitCode' query)");
            Require(problems, s.Channel is not null, "KenhThucHien", "the channel (1 in person, 2 online, 3 post)");
        }

        var status = Scorecard.Domain.Wire.WireName.Of(s.Status);
        switch (s.Status)
        {
            case SyncStatus.Resolved:
                Require(
                    problems,
                    s.FinishedAt is not null,
                    "NgayKetThucXuLy",
                    $"when handling ended (status {status})"
                );
                break;
            case SyncStatus.Returned:
                Require(
                    problems,
                    s.ReturnedAt is not null,
                    "NgayTra",
                    $"when the result was returned (status {status})"
                );
                break;
            case SyncStatus.Refused or SyncStatus.Withdrawn or SyncStatus.Stopped:
                Require(
                    problems,
                    (s.FinishedAt ?? s.ReturnedAt) is not null,
                    "NgayKetThucXuLy",
                    $"when handling ended (status {status})"
                );
                break;
            default:
                break;
        }

        return problems;
    }

    private static void Require(List<SnapshotProblem> problems, bool present, string field, string what)
    {
        if (!present)
        {
            problems.Add(new(field, $"'{field}' ({what}) is required."));
        }
    }

    private static DossierEvent Received(DossierSnapshot s) =>
        new(SyncEventIds.Of(s.Code, "received"), s.Code, DossierEventType.Received, s.ReceivedAt!.Value, 0)
        {
            ProcedureCode = s.ProcedureCode,
            UnitCode = s.UnitCode,
            Channel = s.Channel,
            // The date promised at reception: the one the first supplement moved, else the one shown now.
            DueAt = s.Supplements.Select(x => x.DueBefore).FirstOrDefault(d => d is not null) ?? s.DueAt,
            Digitised = s.Digitised,
            FeeRequired = s.FeeAmount is { } fee ? fee > 0 : null,
            FeeAmount = s.FeeAmount,
            ReusedDigitisedData = s.ReusedDigitisedData,
            VneidAuthenticated = s.VneidAuthenticated,
        };

    private static void Supplements(DossierSnapshot s, Derived derived)
    {
        for (var i = 0; i < s.Supplements.Count; i++)
        {
            var supplement = s.Supplements[i];
            var field = $"DanhSachHoSoBoSung[{i}]";
            derived.AddAt(DossierEventType.SupplementRequested, supplement.RequestedAt, field + ".NgayBoSung");
            if (supplement.CompletedAt is { } completed)
            {
                derived.AddAt(
                    DossierEventType.SupplementCompleted,
                    completed,
                    field + ".NgayTiepNhanBoSung",
                    supplement.RequestedAt,
                    e => e with { DueAt = supplement.DueAfter }
                );
            }
        }
    }

    /// <summary>
    /// A promised date [NgayHenTra] the dossier has never had: not explained by a supplement, so it is a new
    /// date with an apology when later than the one in force (dated when that one ran out, or now if sooner),
    /// a correction of the date given at reception otherwise.
    /// </summary>
    private static void DueChange(DossierSnapshot s, DossierEvent received, Derived derived, DateTimeOffset now)
    {
        if (s.DueAt is not { } due)
        {
            return;
        }

        var dues = derived
            .All.Where(e => e.DueAt is not null)
            .Select(e => e.DueAt!.Value)
            .Concat(s.Supplements.SelectMany(x => new[] { x.DueBefore, x.DueAfter }).OfType<DateTimeOffset>());
        if (dues.Any(d => d == due))
        {
            return;
        }

        var current = derived
            .All.Where(e =>
                e.DueAt is not null && !(e.Type == DossierEventType.DueChanged && e.Reason == DueChangeReason.Apology)
            )
            .OrderBy(e => e.At)
            .LastOrDefault()
            ?.DueAt;
        var apology = current is { } c && due > c;
        var at = apology ? Max(received.At, current!.Value < now ? current.Value : now) : received.At;
        derived.AddAt(DossierEventType.DueChanged, at, "NgayHenTra", due, e =>
            e with
            {
                DueAt = due,
                Reason = apology ? DueChangeReason.Apology : DueChangeReason.Correction,
            }
        );
    }

    private static void Ends(DossierSnapshot s, Derived derived)
    {
        var electronic = s.ElectronicResult ? true : (bool?)null;
        if (s.Status is SyncStatus.Resolved or SyncStatus.Returned && s.FinishedAt is { } finished)
        {
            derived.AddOnce(DossierEventType.Resolved, finished, "NgayKetThucXuLy", e =>
                e with
                {
                    ElectronicResult = electronic,
                }
            );
        }

        if (s.Status == SyncStatus.Returned)
        {
            derived.AddOnce(DossierEventType.Returned, s.ReturnedAt!.Value, "NgayTra", e =>
                e with
                {
                    ElectronicResult = electronic,
                }
            );
        }
        else if (s.Status is SyncStatus.Refused or SyncStatus.Withdrawn or SyncStatus.Stopped)
        {
            derived.AddOnce(EndType(s.Status)!.Value, (s.FinishedAt ?? s.ReturnedAt)!.Value, "NgayKetThucXuLy");
        }
    }

    private static DossierEventType? EndType(SyncStatus status) =>
        status switch
        {
            SyncStatus.Resolved => DossierEventType.Resolved,
            SyncStatus.Returned => DossierEventType.Returned,
            SyncStatus.Stopped => DossierEventType.Stopped,
            SyncStatus.Withdrawn => DossierEventType.Withdrawn,
            SyncStatus.Refused => DossierEventType.Refused,
            _ => null,
        };

    /// <summary>The supplement request still waiting for its completion, if any.</summary>
    private static DossierEvent? OpenRequest(IEnumerable<DossierEvent> events)
    {
        DossierEvent? open = null;
        foreach (var e in events.OrderBy(e => e.At))
        {
            if (e.Type == DossierEventType.SupplementRequested)
            {
                open ??= e;
            }
            else if (e.Type == DossierEventType.SupplementCompleted)
            {
                open = null;
            }
        }

        return open;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The events known of a dossier and those derived from this snapshot.</summary>
    private sealed class Derived(string code, IReadOnlyList<DossierEvent> known)
    {
        public List<DerivedEvent> Events { get; } = [];

        public IEnumerable<DossierEvent> All => known.Concat(Events.Select(d => d.Event));

        public bool Any(Func<DossierEvent, bool> match) => All.Any(match);

        public void Add(DossierEvent e, string field) => Events.Add(new(e, field));

        /// <summary>A fact a dossier has once (an end, a payment): skipped when one of its type is known.</summary>
        public void AddOnce(
            DossierEventType type,
            DateTimeOffset at,
            string field,
            Func<DossierEvent, DossierEvent>? fill = null
        )
        {
            if (!Any(e => e.Type == type))
            {
                var wire = Scorecard.Domain.Wire.WireName.Of(type);
                Add(Fill(new DossierEvent(SyncEventIds.Of(code, wire), code, type, at, 0), fill), field);
            }
        }

        /// <summary>A fact a dossier may have several times, named by <paramref name="key"/> (its request time,
        /// its date): skipped when its id, or one of its type at its time, is known.</summary>
        public void AddAt(
            DossierEventType type,
            DateTimeOffset at,
            string field,
            DateTimeOffset? key = null,
            Func<DossierEvent, DossierEvent>? fill = null
        )
        {
            // A supplement at the time of one known is that one (sent by another route); promised dates are told
            // apart by the date itself, not by when they were given.
            var id = SyncEventIds.Of(code, Scorecard.Domain.Wire.WireName.Of(type), key ?? at);
            if (!Any(e => e.Id == id || (type != DossierEventType.DueChanged && e.Type == type && e.At == at)))
            {
                Add(Fill(new DossierEvent(id, code, type, at, 0), fill), field);
            }
        }

        private static DossierEvent Fill(DossierEvent e, Func<DossierEvent, DossierEvent>? fill) =>
            fill is null ? e : fill(e);
    }
}
