using Scorecard.Domain.Dossiers;

namespace Scorecard.Domain.Sync;

/// <summary>
/// A dossier as a one-stop-shop system syncs it to the national portal [DongBoHoSoMC]: its current state,
/// not what happened. Times are instants (the national body's Vietnam time read with its offset).
/// </summary>
public sealed record DossierSnapshot(string Code, SyncStatus Status)
{
    /// <summary>The procedure [MaTTHC].</summary>
    public string? ProcedureCode { get; init; }

    /// <summary>The receiving unit, resolved from its QCVN 102 identifier [MaDinhDanhDV] or its code.</summary>
    public string? UnitCode { get; init; }

    /// <summary>The channel [KenhThucHien].</summary>
    public Channel? Channel { get; init; }

    /// <summary>Received [NgayTiepNhan].</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The promised return time now [NgayHenTra].</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Handling finished [NgayKetThucXuLy].</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Result returned [NgayTra].</summary>
    public DateTimeOffset? ReturnedAt { get; init; }

    /// <summary>The supplement requests [DanhSachHoSoBoSung], in the order sent.</summary>
    public IReadOnlyList<SnapshotSupplement> Supplements { get; init; } = [];

    /// <summary>The fees due in VND, the sum of the fee list [DanhSachLePhi]; null when no list was sent.</summary>
    public long? FeeAmount { get; init; }

    /// <summary>Where the fees were paid online [DuocThanhToanTrucTuyen 1, 2]; null: not paid online.</summary>
    public PaymentChannel? PaidVia { get; init; }

    /// <summary>A result has an electronic file [DanhSachGiayToKetQua, DuongDanTepTinKetQua].</summary>
    public bool ElectronicResult { get; init; }

    /// <summary>The dossier has digitised parts [HoSoCoThanhPhanSoHoa, TaiLieuNop DuocSoHoa].</summary>
    public bool Digitised { get; init; }

    /// <summary>A submitted document was taken from the national data store [TaiLieuNop DuocLayTuKhoDMQG].</summary>
    public bool ReusedDigitisedData { get; init; }

    /// <summary>The applicant's account was authenticated with VNeID [TaiKhoanDuocXacThucVoiVNeID].</summary>
    public bool VneidAuthenticated { get; init; }
}

/// <summary>One supplement request [DanhSachHoSoBoSung]: asked [NgayBoSung], supplied [NgayTiepNhanBoSung], the
/// promised date before [NgayHenTraTruoc] and after [NgayHenTraMoi].</summary>
public sealed record SnapshotSupplement(
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? DueBefore,
    DateTimeOffset? DueAfter
);
