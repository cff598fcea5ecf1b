using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Scorecard.Api.Sync;

/// <summary>
/// The body of <c>POST /api/sync/dossiers</c> (README "Coming from the national sync"), for the contract only:
/// the route reads the body as one JSON document so that each dossier is checked on its own.
/// </summary>
[Description(
    "The national portal's sync body: dossier snapshots (DongBoHoSoMC) or status updates (CapNhatTienDoHoSoMC)."
)]
internal sealed record SyncRequest(
    [property: JsonPropertyName("service")]
    [property: Description("DongBoHoSoMC (the default) or CapNhatTienDoHoSoMC.")]
        string? Service,
    [property: JsonPropertyName("isUpdating")]
    [property: Description("Read and ignored: every snapshot is compared with what is stored.")]
        bool? IsUpdating,
    [property: JsonPropertyName("data")]
    [property: Description("At most 500 dossiers; fields are matched ignoring case, unknown ones ignored.")]
        List<SyncDossierBody>? Data
);

/// <summary>One dossier of the national body, snapshot or status update (contract only).</summary>
[Description(
    "A dossier as synced to the national portal. Times: yyyyMMddHHmmss in Vietnam time or ISO 8601 with an offset; "
        + "\"\" is absent."
)]
internal sealed record SyncDossierBody(
    [property: JsonPropertyName("MaHoSo")] [property: Description("The dossier code (required).")] string? MaHoSo,
    [property: JsonPropertyName("MaTTHC")]
    [property: Description("The procedure code (required to receive the dossier).")]
        string? MaTTHC,
    [property: JsonPropertyName("MaDinhDanhDV")]
    [property: Description("The receiving unit's QCVN 102 identifier (else the query's).")]
        string? MaDinhDanhDV,
    [property: JsonPropertyName("unitCode")]
    [property: Description("Or the receiving unit's code here.")]
        string? UnitCode,
    [property: JsonPropertyName("NgayTiepNhan")] [property: Description("Received.")] string? NgayTiepNhan,
    [property: JsonPropertyName("NgayHenTra")]
    [property: Description("The promised return date now.")]
        string? NgayHenTra,
    [property: JsonPropertyName("NgayKetThucXuLy")]
    [property: Description("Handling finished.")]
        string? NgayKetThucXuLy,
    [property: JsonPropertyName("NgayTra")] [property: Description("Result returned.")] string? NgayTra,
    [property: JsonPropertyName("TrangThaiHoSo")]
    [property: Description("Status code, read through the source's status mapping.")]
        string? TrangThaiHoSo,
    [property: JsonPropertyName("KenhThucHien")]
    [property: Description("1 in person, 2 online, 3 by post.")]
        int? KenhThucHien,
    [property: JsonPropertyName("DanhSachLePhi")]
    [property: Description("Fees: their Gia (whole đồng) summed.")]
        List<SyncFeeBody>? DanhSachLePhi,
    [property: JsonPropertyName("DanhSachHoSoBoSung")]
    [property: Description("Supplement requests.")]
        List<SyncSupplementBody>? DanhSachHoSoBoSung,
    [property: JsonPropertyName("DanhSachGiayToKetQua")]
    [property: Description("Results: a DuongDanTepTinKetQua link is an electronic result.")]
        List<SyncResultBody>? DanhSachGiayToKetQua,
    [property: JsonPropertyName("TaiLieuNop")]
    [property: Description("Submitted documents.")]
        List<SyncDocumentBody>? TaiLieuNop,
    [property: JsonPropertyName("DuocThanhToanTrucTuyen")]
    [property: Description("1 paid on the national portal, 2 on the provincial gateway, 0 not online.")]
        int? DuocThanhToanTrucTuyen,
    [property: JsonPropertyName("TaiKhoanDuocXacThucVoiVNeID")]
    [property: Description("1: the applicant's account was authenticated with VNeID.")]
        int? TaiKhoanDuocXacThucVoiVNeID,
    [property: JsonPropertyName("HoSoCoThanhPhanSoHoa")]
    [property: Description("1: the dossier has digitised parts.")]
        int? HoSoCoThanhPhanSoHoa,
    [property: JsonPropertyName("TrangThai")]
    [property: Description("Status update: the status code.")]
        string? TrangThai,
    [property: JsonPropertyName("ThoiDiemXuLy")]
    [property: Description("Status update: when the status was reached.")]
        string? ThoiDiemXuLy,
    [property: JsonPropertyName("NoiDungXuLy")]
    [property: Description("Status update: what was done (read and ignored).")]
        string? NoiDungXuLy
);

internal sealed record SyncFeeBody(
    [property: JsonPropertyName("Gia")] [property: Description("Amount in whole đồng.")] long? Gia,
    [property: JsonPropertyName("HinhThucThu")]
    [property: Description("How it is collected (read and ignored).")]
        int? HinhThucThu
);

internal sealed record SyncSupplementBody(
    [property: JsonPropertyName("NgayBoSung")]
    [property: Description("When the supplement was requested (required).")]
        string? NgayBoSung,
    [property: JsonPropertyName("NgayTiepNhanBoSung")]
    [property: Description("When the supplement was received.")]
        string? NgayTiepNhanBoSung,
    [property: JsonPropertyName("NgayHenTraTruoc")]
    [property: Description("The promised date before it.")]
        string? NgayHenTraTruoc,
    [property: JsonPropertyName("NgayHenTraMoi")]
    [property: Description("The promised date it set.")]
        string? NgayHenTraMoi
);

internal sealed record SyncResultBody(
    [property: JsonPropertyName("DuongDanTepTinKetQua")]
    [property: Description("A link to the result file: an electronic result.")]
        string? DuongDanTepTinKetQua
);

internal sealed record SyncDocumentBody(
    [property: JsonPropertyName("DuocSoHoa")] [property: Description("1: digitised.")] int? DuocSoHoa,
    [property: JsonPropertyName("DuocLayTuKhoDMQG")]
    [property: Description("1: taken from the national data store (reused data).")]
        int? DuocLayTuKhoDMQG
);
