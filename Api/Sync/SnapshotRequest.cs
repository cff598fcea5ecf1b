using System.Globalization;
using System.Text.Json;
using Scorecard.Api.Ingestion;
using Scorecard.Api.Validation;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Sync;

namespace Scorecard.Api.Sync;

/// <summary>
/// One item of the national body's <c>data</c>, read leniently so that a bad field rejects that dossier only,
/// naming the field as the national body spells it. Unknown fields are ignored.
/// </summary>
internal sealed class SnapshotRequest
{
    public const int MaxListItems = 100;

    private readonly JsonElement json;

    private SnapshotRequest(JsonElement json) => this.json = json;

    /// <summary>The dossier code [MaHoSo] as sent (null when absent or not text).</summary>
    public string? Code { get; private set; }

    public List<FieldError> Errors { get; } = [];

    public static SnapshotRequest From(JsonElement json)
    {
        var request = new SnapshotRequest(json);
        if (json.ValueKind != JsonValueKind.Object)
        {
            request.Errors.Add(new("", "Each item of 'data' must be a JSON object."));
            return request;
        }

        request.Code = request.Text("MaHoSo");
        if (request.Code is null)
        {
            request.Errors.Add(new("MaHoSo", "'MaHoSo' (the dossier code) is required."));
        }
        else if (
            request.Code.Length > ValidationExtensions.MaxCodeLength
            || !ValidationExtensions.IsCodeText(request.Code)
        )
        {
            request.Errors.Add(
                new("MaHoSo", "'MaHoSo' must be at most 64 characters of letters, digits, '.', '-' or '_'.")
            );
        }

        return request;
    }

    /// <summary>The snapshot [DongBoHoSoMC], or null with <see cref="Errors"/> saying why.</summary>
    /// <param name="unitOf">The unit a QCVN 102 identifier [MaDinhDanhDV] names, if any.</param>
    /// <param name="unitCoded">The unit a code names, if it exists.</param>
    /// <param name="defaultUnit">The unit the query names, for a dossier that names none.</param>
    public DossierSnapshot? ToSnapshot(
        StatusMapping mapping,
        Func<string, string?> unitOf,
        Func<string, string?> unitCoded,
        string? defaultUnit
    )
    {
        var status = Status("TrangThaiHoSo", mapping);
        var unit =
            Text("MaDinhDanhDV") is { } identifier ? Unit(identifier, unitOf)
            : Text("unitCode") is { } code ? UnitCode(code, unitCoded)
            : defaultUnit;
        var snapshot = new DossierSnapshot(Code ?? "", status ?? SyncStatus.Submitted)
        {
            ProcedureCode = ProcedureCode(),
            UnitCode = unit,
            Channel = Channel(),
            ReceivedAt = Time("NgayTiepNhan"),
            DueAt = Time("NgayHenTra"),
            FinishedAt = Time("NgayKetThucXuLy"),
            ReturnedAt = Time("NgayTra"),
            Supplements = Supplements(),
            FeeAmount = Fees(),
            PaidVia = Number("DuocThanhToanTrucTuyen", 0, 2) switch
            {
                1 => PaymentChannel.Portal,
                2 => PaymentChannel.ProvincialGateway,
                _ => null,
            },
            ElectronicResult = Items("DanhSachGiayToKetQua")
                .Any(r => Text(r, "DuongDanTepTinKetQua", "DanhSachGiayToKetQua") is { Length: > 0 }),
            Digitised =
                Flag(json, "HoSoCoThanhPhanSoHoa", "HoSoCoThanhPhanSoHoa")
                || Items("TaiLieuNop").Any(d => Flag(d, "DuocSoHoa", "TaiLieuNop")),
            ReusedDigitisedData = Items("TaiLieuNop").Any(d => Flag(d, "DuocLayTuKhoDMQG", "TaiLieuNop")),
            VneidAuthenticated = Flag(json, "TaiKhoanDuocXacThucVoiVNeID", "TaiKhoanDuocXacThucVoiVNeID"),
        };
        if (status is null && !Errors.Exists(e => e.Field == "TrangThaiHoSo"))
        {
            Errors.Add(new("TrangThaiHoSo", "'TrangThaiHoSo' (the status code) is required."));
        }

        return Errors.Count == 0 ? snapshot : null;
    }

    /// <summary>The status update [CapNhatTienDoHoSoMC]: what the status means and when it was reached.</summary>
    public (SyncStatus Status, DateTimeOffset At)? ToStatusUpdate(StatusMapping mapping)
    {
        var status = Status("TrangThai", mapping);
        var at = Time("ThoiDiemXuLy");
        if (status is null && !Errors.Exists(e => e.Field == "TrangThai"))
        {
            Errors.Add(new("TrangThai", "'TrangThai' (the status code) is required."));
        }

        if (at is null && !Errors.Exists(e => e.Field == "ThoiDiemXuLy"))
        {
            Errors.Add(new("ThoiDiemXuLy", "'ThoiDiemXuLy' (when the status was reached) is required."));
        }

        return Errors.Count == 0 ? (status!.Value, at!.Value) : null;
    }

    private SyncStatus? Status(string field, StatusMapping mapping)
    {
        var code = StatusCode(field);
        if (code is null)
        {
            return null;
        }

        if (mapping.Meaning(code) is { } status)
        {
            return status;
        }

        Errors.Add(
            new(
                field,
                $"Status code '{code}' has no meaning in this source's status mapping "
                    + "(GET /api/sync/status-mappings); map it, then send the dossier again."
            )
        );
        return null;
    }

    private string? Unit(string identifier, Func<string, string?> unitOf)
    {
        if (identifier.Length <= ValidationExtensions.MaxCodeLength && unitOf(identifier) is { } unit)
        {
            return unit;
        }

        Errors.Add(
            new("MaDinhDanhDV", $"No unit has the QCVN 102 identifier '{Shorten(identifier)}' (external id qcvn102).")
        );
        return null;
    }

    private string? UnitCode(string code, Func<string, string?> unitCoded)
    {
        if (code.Length <= ValidationExtensions.MaxCodeLength && unitCoded(code) is { } unit)
        {
            return unit;
        }

        Errors.Add(new("unitCode", $"Unit '{Shorten(code)}' does not exist."));
        return null;
    }

    private string? ProcedureCode()
    {
        var code = Text("MaTTHC");
        if (
            code is not null
            && (code.Length > ValidationExtensions.MaxCodeLength || !ValidationExtensions.IsCodeText(code))
        )
        {
            Errors.Add(new("MaTTHC", "'MaTTHC' must be at most 64 characters of letters, digits, '.', '-' or '_'."));
            return null;
        }

        return code;
    }

    private Channel? Channel() =>
        Number("KenhThucHien", 1, 3) switch
        {
            1 => Scorecard.Domain.Dossiers.Channel.Direct,
            2 => Scorecard.Domain.Dossiers.Channel.Online,
            3 => Scorecard.Domain.Dossiers.Channel.Postal,
            _ => null,
        };

    private List<SnapshotSupplement> Supplements()
    {
        var supplements = new List<SnapshotSupplement>();
        var items = Items("DanhSachHoSoBoSung");
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = $"DanhSachHoSoBoSung[{i}].";
            var requested = Time(items[i], "NgayBoSung", prefix);
            var completed = Time(items[i], "NgayTiepNhanBoSung", prefix);
            var before = Time(items[i], "NgayHenTraTruoc", prefix);
            var after = Time(items[i], "NgayHenTraMoi", prefix);
            if (requested is null)
            {
                if (!Errors.Exists(e => e.Field == prefix + "NgayBoSung"))
                {
                    Errors.Add(
                        new(prefix + "NgayBoSung", $"'{prefix}NgayBoSung' (when it was requested) is required.")
                    );
                }

                continue;
            }

            supplements.Add(new(requested.Value, completed, before, after));
        }

        return [.. supplements.OrderBy(s => s.RequestedAt)];
    }

    private long? Fees()
    {
        if (!Find(json, "DanhSachLePhi", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        long sum = 0;
        foreach (var fee in Items("DanhSachLePhi"))
        {
            var price = fee.ValueKind == JsonValueKind.Object && Find(fee, "Gia", out var gia) ? Whole(gia) : 0;
            if (price is null or < 0 or > DossierEventValidator.MaxAmount)
            {
                Errors.Add(new("DanhSachLePhi", "'Gia' must be a whole number of đồng from 0 to 10^12."));
                return null;
            }

            sum += price.Value;
        }

        return Math.Min(sum, DossierEventValidator.MaxAmount);
    }

    private List<JsonElement> Items(string field)
    {
        if (!Find(json, field, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > MaxListItems)
        {
            if (!Errors.Exists(e => e.Field == field))
            {
                Errors.Add(new(field, $"'{field}' must be a list of at most {MaxListItems} objects."));
            }

            return [];
        }

        return [.. list.EnumerateArray()];
    }

    private DateTimeOffset? Time(string field) => Time(json, field, "");

    private DateTimeOffset? Time(JsonElement item, string field, string prefix)
    {
        var text = Text(item, field, prefix + field);
        if (SnapshotTime.TryParse(text, out var at))
        {
            return at;
        }

        Errors.Add(
            new(prefix + field, $"'{prefix}{field}' must be {SnapshotTime.Expected}; it is '{Shorten(text!)}'.")
        );
        return null;
    }

    private string? Text(string field) => Text(json, field, field);

    /// <summary>A text field; a number is read as its text (systems send codes both ways).</summary>
    private string? Text(JsonElement item, string field, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !Find(item, field, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    var text = value.GetString();
                    return string.IsNullOrEmpty(text) ? null : text;
                }
                catch (InvalidOperationException)
                {
                    Errors.Add(new(name, $"'{name}' must be valid Unicode text."));
                    return null;
                }

            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                Errors.Add(new(name, $"'{name}' must be text."));
                return null;
        }
    }

    private string? StatusCode(string field)
    {
        var code = Text(field);
        if (code is not null && code.Length > ValidationExtensions.MaxCodeLength)
        {
            Errors.Add(new(field, $"'{field}' must be at most {ValidationExtensions.MaxCodeLength} characters."));
            return null;
        }

        return code;
    }

    private int? Number(string field, int min, int max)
    {
        var text = Text(field);
        if (text is null)
        {
            return null;
        }

        if (
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= min
            && number <= max
        )
        {
            return number;
        }

        Errors.Add(new(field, $"'{field}' must be a number from {min} to {max}."));
        return null;
    }

    /// <summary>A flag as systems send it: true/false, 1/0 or "1"/"0".</summary>
    private bool Flag(JsonElement item, string field, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !Find(item, field, out var value))
        {
            return false;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False or JsonValueKind.Null:
                return false;
            default:
                var text = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Text(item, field, name);
                if (text is null or "0" or "1")
                {
                    return text == "1";
                }

                Errors.Add(new(name, $"'{field}' must be 0, 1, true or false."));
                return false;
        }
    }

    private static long? Whole(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number
                when value.TryGetDecimal(out var d) && d >= 0 && d <= long.MaxValue && d == decimal.Truncate(d) =>
                (long)d,
            JsonValueKind.String
                when long.TryParse(
                    value.GetRawText().Trim('"'),
                    NumberStyles.None,
                    CultureInfo.InvariantCulture,
                    out var parsed
                ) => parsed,
            JsonValueKind.Null => 0,
            _ => null,
        };

    /// <summary>A field by name, whatever its case (systems differ: <c>MaHoSo</c>, <c>maHoSo</c>); the first
    /// one wins.</summary>
    private static bool Find(JsonElement item, string field, out JsonElement value)
    {
        value = default;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in item.EnumerateObject())
        {
            if (property.NameEquals(field) || NameIs(property, field))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private static bool NameIs(JsonProperty property, string field)
    {
        try
        {
            return string.Equals(property.Name, field, StringComparison.OrdinalIgnoreCase);
        }
        catch (InvalidOperationException)
        {
            // A name that unescapes to invalid UTF-16 (a lone surrogate) is no field of a dossier.
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
