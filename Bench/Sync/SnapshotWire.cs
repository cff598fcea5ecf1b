using System.Globalization;
using Scorecard.Domain.Dossiers;

namespace Scorecard.Bench.Sync;

/// <summary>A dossier's last snapshot as a one-stop-shop system syncs it to the national portal (DongBoHoSoMC),
/// built from the dossier's events.</summary>
internal static class SnapshotWire
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static Dictionary<string, object> ToJson(IReadOnlyList<DossierEvent> events)
    {
        var received = events.First(e => e.Type == DossierEventType.Received);
        DateTimeOffset? At(DossierEventType type) => events.FirstOrDefault(e => e.Type == type)?.At;
        var paid = events.FirstOrDefault(e =>
            e.Type == DossierEventType.Paid && e.PaymentMethod == PaymentMethod.Online
        );
        var due = events
            .Where(e => e.DueAt is not null && e.Reason != DueChangeReason.Apology)
            .OrderBy(e => e.At)
            .LastOrDefault()
            ?.DueAt;
        var end =
            At(DossierEventType.Returned) is not null ? "10"
            : At(DossierEventType.Resolved) is not null ? "9"
            : At(DossierEventType.Stopped) is not null ? "8"
            : At(DossierEventType.Withdrawn) is not null ? "7"
            : At(DossierEventType.Refused) is not null ? "3"
            : "4";
        var finished = At(DossierEventType.Resolved)
            ?? At(DossierEventType.Stopped)
            ?? At(DossierEventType.Withdrawn)
            ?? At(DossierEventType.Refused);
        var electronic = events.Any(e => e.ElectronicResult == true);
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["MaHoSo"] = received.DossierCode,
            ["MaTTHC"] = received.ProcedureCode!,
            ["unitCode"] = received.UnitCode!,
            ["NgayTiepNhan"] = Time(received.At),
            ["NgayHenTra"] = Time(due),
            ["NgayKetThucXuLy"] = Time(finished),
            ["NgayTra"] = Time(At(DossierEventType.Returned)),
            ["TrangThaiHoSo"] = end,
            ["KenhThucHien"] = received.Channel switch
            {
                Channel.Online => 2,
                Channel.Postal => 3,
                _ => 1,
            },
            ["HoSoCoThanhPhanSoHoa"] = events.Any(e => e.Digitised == true) ? 1 : 0,
            ["TaiKhoanDuocXacThucVoiVNeID"] = received.VneidAuthenticated == true ? 1 : 0,
            ["DuocThanhToanTrucTuyen"] =
                paid is null ? 0
                : paid.PaidVia == PaymentChannel.ProvincialGateway ? 2
                : 1,
            ["DanhSachLePhi"] = received.FeeAmount is { } fee ? new[] { new { Gia = fee, HinhThucThu = 1 } } : [],
            ["DanhSachHoSoBoSung"] = Supplements(events),
            ["DanhSachGiayToKetQua"] = electronic ? new[] { new { DuongDanTepTinKetQua = "https://kq/1.pdf" } } : [],
        };
    }

    private static List<Dictionary<string, string>> Supplements(IReadOnlyList<DossierEvent> events)
    {
        var supplements = new List<Dictionary<string, string>>();
        Dictionary<string, string>? open = null;
        foreach (var e in events.OrderBy(e => e.At))
        {
            if (e.Type == DossierEventType.SupplementRequested && open is null)
            {
                open = new(StringComparer.Ordinal) { ["NgayBoSung"] = Time(e.At) };
                supplements.Add(open);
            }
            else if (e.Type == DossierEventType.SupplementCompleted && open is not null)
            {
                open["NgayTiepNhanBoSung"] = Time(e.At);
                open["NgayHenTraMoi"] = Time(e.DueAt);
                open = null;
            }
        }

        return supplements;
    }

    private static string Time(DateTimeOffset? at) =>
        at is { } t ? t.ToOffset(Vietnam).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) : "";
}
