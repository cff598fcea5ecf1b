using Scorecard.Domain.Bands;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Wire;

namespace Scorecard.Domain.Labels;

/// <summary>
/// The labels of the fixed words the figures use, by wire name: the shipped band colours, unit levels and kinds,
/// dossier statuses and the channels dossiers arrive by. A colour a province names itself has no label.
/// </summary>
public static class Vocabulary
{
    public static IReadOnlyDictionary<string, Label> Bands { get; } =
        new Dictionary<string, Label>(StringComparer.Ordinal)
        {
            [DefaultBands.Green] = new(
                "Xanh",
                "Green",
                "Đạt mức tốt nhất của chỉ số.",
                "The figure reaches the indicator's best band."
            ),
            [DefaultBands.Yellow] = new(
                "Vàng",
                "Yellow",
                "Khá: dưới mức xanh, cần duy trì và cải thiện.",
                "Fair: below green, to be kept up and improved."
            ),
            [DefaultBands.Orange] = new(
                "Cam",
                "Orange",
                "Trung bình: cần cải thiện.",
                "Middling: the figure needs improving."
            ),
            [DefaultBands.Red] = new(
                "Đỏ",
                "Red",
                "Thấp nhất: cần khắc phục ngay.",
                "The lowest band: the figure needs attention now."
            ),
            [BandColors.None] = new(
                "Chưa xếp màu",
                "No band",
                "Không có số liệu, hoặc chỉ số không có thang màu.",
                "No figure, or the indicator has no colour bands."
            ),
        };

    public static IReadOnlyDictionary<string, Label> Levels { get; } =
        new Dictionary<string, Label>(StringComparer.Ordinal)
        {
            [WireName.Of(UnitLevel.Province)] = new(
                "Cấp tỉnh",
                "Province level",
                "Ủy ban nhân dân tỉnh và các sở, ban, ngành thuộc tỉnh.",
                "The provincial people's committee and the province's departments and agencies."
            ),
            [WireName.Of(UnitLevel.District)] = new(
                "Cấp huyện",
                "District level",
                "Huyện, thị xã, thành phố thuộc tỉnh (đến khi cấp huyện kết thúc ngày 30/6/2025).",
                "Districts, towns and provincial cities (until the district tier ended on 30 June 2025)."
            ),
            [WireName.Of(UnitLevel.Commune)] = new(
                "Cấp xã",
                "Commune level",
                "Xã, phường, thị trấn và đặc khu.",
                "Communes, wards, townships and special zones."
            ),
        };

    public static IReadOnlyDictionary<string, Label> Kinds { get; } =
        new Dictionary<string, Label>(StringComparer.Ordinal)
        {
            [WireName.Of(UnitKind.Locality)] = new(
                "Địa phương",
                "Locality",
                "Một đơn vị hành chính lãnh thổ: tỉnh, huyện hoặc xã.",
                "A territorial administrative unit: a province, district or commune."
            ),
            [WireName.Of(UnitKind.Agency)] = new(
                "Sở, ban, ngành",
                "Agency",
                "Cơ quan chuyên môn giải quyết thủ tục hành chính của một lĩnh vực.",
                "A specialised body that handles the procedures of one field."
            ),
        };

    public static IReadOnlyDictionary<string, Label> Statuses { get; } =
        new Dictionary<string, Label>(StringComparer.Ordinal)
        {
            [WireName.Of(DossierStatus.Received)] = new(
                "Đang giải quyết",
                "Being handled",
                "Hồ sơ đã được tiếp nhận và đang được giải quyết.",
                "The dossier was received and is being handled."
            ),
            [WireName.Of(DossierStatus.AwaitingSupplement)] = new(
                "Chờ bổ sung",
                "Awaiting supplement",
                "Hồ sơ chờ người nộp bổ sung giấy tờ; thời hạn tạm dừng.",
                "The dossier waits for the applicant to supply documents; its deadline is paused."
            ),
            [WireName.Of(DossierStatus.Resolved)] = new(
                "Đã giải quyết xong",
                "Resolved",
                "Hồ sơ đã được xử lý xong, chờ trả kết quả.",
                "The dossier has been handled; its result is ready."
            ),
            [WireName.Of(DossierStatus.Returned)] = new(
                "Đã trả kết quả",
                "Result returned",
                "Kết quả giải quyết đã được trả cho người nộp.",
                "The result was handed to the applicant."
            ),
            [WireName.Of(DossierStatus.Stopped)] = new(
                "Dừng giải quyết",
                "Stopped",
                "Việc giải quyết hồ sơ bị dừng.",
                "Handling of the dossier was stopped."
            ),
            [WireName.Of(DossierStatus.Withdrawn)] = new(
                "Đã rút",
                "Withdrawn",
                "Người nộp rút hồ sơ.",
                "The applicant withdrew the dossier."
            ),
            [WireName.Of(DossierStatus.Refused)] = new(
                "Từ chối tiếp nhận",
                "Refused",
                "Hồ sơ không được tiếp nhận.",
                "The dossier was not accepted."
            ),
        };

    public static IReadOnlyDictionary<string, Label> Channels { get; } =
        new Dictionary<string, Label>(StringComparer.Ordinal)
        {
            [WireName.Of(Channel.Online)] = new(
                "Trực tuyến",
                "Online",
                "Nộp qua Cổng dịch vụ công.",
                "Submitted through the public service portal."
            ),
            [WireName.Of(Channel.Direct)] = new(
                "Trực tiếp",
                "In person",
                "Nộp trực tiếp tại bộ phận một cửa.",
                "Handed in at the one-stop desk."
            ),
            [WireName.Of(Channel.Postal)] = new(
                "Bưu chính",
                "By post",
                "Nộp qua dịch vụ bưu chính công ích.",
                "Sent through the public postal service."
            ),
        };
}
