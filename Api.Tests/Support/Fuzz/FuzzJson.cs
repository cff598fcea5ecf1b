using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>
/// Request bodies: a valid body for the route, then one or more mutations: a value replaced by
/// something of the wrong type or size, a property dropped or duplicated, deep nesting, a broken
/// or truncated document, invalid UTF-8, lone surrogates.
/// </summary>
internal static class FuzzJson
{
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Valid bodies by route ("METHOD /pattern"); {n} is replaced by the request number so ids stay
    /// unique.</summary>
    public static readonly IReadOnlyDictionary<string, string> Templates = new Dictionary<string, string>(
        StringComparer.Ordinal
    )
    {
        ["PUT /api/units"] = """
            [{"code":"P.F{n}","name":"Xã thử {n}","level":"commune","kind":"locality","parentCode":"P.F",
            "validFrom":"2020-01-01","validTo":null,"successorCodes":[],"externalIds":{"qcvn102":"000.00.00.H99"}}]
            """,
        ["PUT /api/procedures"] = """
            [{"code":"9.{n}","name":"Thủ tục thử","field":"Thử","level":"commune","onlineService":"full",
            "integrated":true,"hasFee":true,"personApplicant":true,"processingTime":{"value":3,
            "unit":"working-days"},"onlineOnlyFrom":"2025-01-01","onlineOnlyTo":"2025-12-31"}]
            """,
        ["PUT /api/calendar"] = """
            [{"date":"2031-05-02","kind":"holiday","name":"Nghỉ bù"},{"date":"2031-05-10","kind":"working-day",
            "name":"Làm bù"}]
            """,
        ["PUT /api/indicators"] = """
            [{"code":"fuzz-reported","name":"Chỉ số thử","kind":"reported","description":"thử",
            "bands":[{"validFrom":"2025-01-01","bands":[{"min":50,"color":"green"},{"min":0,
            "color":"red"}]}]}]
            """,
        ["PUT /api/indicators/{code}/bands"] = """
            {"validFrom":"2025-01-01","bands":[{"min":90,"color":"green"},{"min":50,"color":"#ffcc00"},{"min":0,
            "color":"red"}]}
            """,
        ["PUT /api/targets"] = """
            [{"unitCode":"P.A","indicator":"on-time","period":"2025-H2","target":80,"baseline":70.5,
            "assignedBy":"P","reference":"QĐ 1/QĐ-UBND","appliesToLevel":"commune"}]
            """,
        ["PUT /api/indicator-values"] =
            """[{"indicator":"fuzz-reported","unitCode":"P.A","period":"2025-H1","numerator":447,"denominator":738}]""",
        ["POST /api/keys"] = """{"name":"fuzz {n}","role":"analyst","unitCode":"P.A","source":"bootstrap"}""",
        ["POST /api/dossier-events"] = """
            {"events":[
              {"id":"fz-{n}-1","dossierCode":"FZ-{n}","type":"received","at":"2025-03-03T08:00:00+07:00",
                  "procedureCode":"1.000002","unitCode":"P.A.1","channel":"online",
                      "dueAt":"2025-03-20T08:00:00+07:00","digitised":true,"populationDbUsed":false,"feeRequired":true},
              {"id":"fz-{n}-2","dossierCode":"FZ-{n}","type":"paid","at":"2025-03-03T09:00:00+07:00",
                  "method":"online","amount":50000},
              {"id":"fz-{n}-3","dossierCode":"FZ-{n}","type":"supplement-requested","at":"2025-03-04T09:00:00+07:00"},
              {"id":"fz-{n}-4","dossierCode":"FZ-{n}","type":"supplement-completed","at":"2025-03-05T09:00:00+07:00",
                  "dueAt":"2025-03-21T08:00:00+07:00"},
              {"id":"fz-{n}-5","dossierCode":"FZ-{n}","type":"resolved","at":"2025-03-06T15:00:00Z",
                  "electronicResult":true}
            ]}
            """,
        ["POST /api/sync/dossiers"] = """
            {"service":"DongBoHoSoMC","isUpdating":false,"data":[
              {"MaHoSo":"FS-{n}","MaTTHC":"1.000002","MaDinhDanhDV":"000.00.00.H99","NgayTiepNhan":"20250303080000",
                  "NgayHenTra":"20250320080000","NgayTra":"","NgayKetThucXuLy":"20250306150000","TrangThaiHoSo":"9",
                  "KenhThucHien":2,"DuocThanhToanTrucTuyen":1,"HoSoCoThanhPhanSoHoa":1,"TaiKhoanDuocXacThucVoiVNeID":0,
                  "DanhSachLePhi":[{"Gia":50000,"HinhThucThu":2}],
                  "DanhSachHoSoBoSung":[{"NgayBoSung":"20250304090000","NgayTiepNhanBoSung":"2025-03-05T09:00:00+07:00",
                      "NgayHenTraTruoc":"20250320080000","NgayHenTraMoi":"20250321080000"}],
                  "DanhSachGiayToKetQua":[{"DuongDanTepTinKetQua":"https://example.invalid/kq.pdf"}],
                  "TaiLieuNop":[{"DuocSoHoa":1,"DuocLayTuKhoDMQG":"0"}]},
              {"MaHoSo":"FS-{n}","TrangThai":"10","ThoiDiemXuLy":"20250307100000"}
            ]}
            """,
        ["PUT /api/sync/status-mappings"] = """
            {"source":"fuzz","statuses":[{"code":"1","meaning":"received"},{"code":"DA_XONG","meaning":"resolved"}]}
            """,
    };

    /// <summary>Unit codes of the test province: kept out of mutated bodies so that fuzzing never moves a unit between
    /// subtrees.</summary>
    private static readonly HashSet<string> ProvinceCodes = new(
        ["P", "P.A", "P.A.1", "P.A.2", "P.B", "P.B.1", "P.S"],
        StringComparer.Ordinal
    );

    private static readonly string[] Fragments =
    [
        "null",
        "true",
        "false",
        "[]",
        "{}",
        "[null]",
        "[[]]",
        "[{}]",
        "[1,\"a\",{},null]",
        "{\"\":null}",
        "\"\"",
        "\" \"",
        "\"\\ud800\"",
        "\"\\udc00x\"",
        "\"a\\ud800b\"",
        "\"\\u0000\"",
        "\"\\uFFFF\"",
        "\"2025-02-30\"",
        "\"0001-01-01\"",
        "\"9999-12-31\"",
        "\"2025-01-01T00:00:00\"",
        "\"9999-12-31T23:59:59-14:00\"",
        "\"0001-01-01T00:00:00+14:00\"",
        "\"2025-03-03T08:00:00+07:00\"",
        "\"received\"",
        "\"paid\"",
        "\"online\"",
        "\"admin\"",
        "\"holiday\"",
        "\"commune\"",
        "\"working-days\"",
        "\"reported\"",
    ];

    public static byte[] Body(Random random, string route, int n)
    {
        var template = Templates.TryGetValue(route, out var t) ? t : random.Pick(["{}", "[]", "[{}]"]);
        var root = JsonNode.Parse(
            template.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        )!;
        var held = new List<string>();
        var rounds = random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            root = Mutate(random, root, held);
        }

        var text = Expand(root.ToJsonString(Raw), held);
        return random.Next(8) == 0 ? MutateBytes(random, Encoding.UTF8.GetBytes(text)) : Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A hostile JSON value, as text: any type, huge, deep, or not valid JSON at all.</summary>
    public static string Fragment(Random random) =>
        random.Next(12) switch
        {
            0 or 1 => random.Pick(FuzzText.Numbers),
            2 or 3 => JsonSerializer.Serialize(
                random.Pick(FuzzText.Strings.Where(s => !ProvinceCodes.Contains(s)).ToList()),
                Raw
            ),
            4 => JsonSerializer.Serialize(FuzzText.Long(random, random.Next(4) == 0 ? 1_048_576 : 10_240), Raw),
            5 => Nested(random.Next(2) == 0 ? 1000 : 40, random.Next(2) == 0),
            6 => random.Pick([
                "NaN",
                "Infinity",
                "-Infinity",
                "undefined",
                "'single'",
                "01",
                "+1",
                ".5",
                "1.",
                "0x10",
                "1e",
                "--1",
                "tru",
                "nul",
            ]),
            7 => "["
                + string.Join(
                    ",",
                    Enumerable.Repeat(random.Pick(["1", "\"x\"", "{}", "null"]), random.Next(2) == 0 ? 20_000 : 11)
                )
                + "]",
            _ => random.Pick(Fragments),
        };

    private static string Nested(int depth, bool arrays) =>
        arrays
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    /// <summary>
    /// One change to the tree. Values JSON nodes cannot hold (1e400, broken text, duplicate keys) are
    /// held aside as raw text behind a placeholder string and put in place when the body is written.
    /// </summary>
    private static JsonNode Mutate(Random random, JsonNode root, List<string> held)
    {
        var target = random.Pick(Walk(root).ToList());
        switch (random.Next(6))
        {
            case 0 when target.Parent is JsonObject parent:
                parent.Remove(target.GetPropertyName());
                return root;
            case 1 when target is JsonObject obj:
                var duplicate =
                    random.Next(4) == 0 ? random.Pick(["\\ud800", "\\udc00\\ud800", "\\u0000", "events\\ud800"])
                    : obj.Count > 0 ? obj.First().Key
                    : "code";
                var inner = obj.ToJsonString(Raw);
                var key = duplicate.Contains('\\', StringComparison.Ordinal)
                    ? "\"" + duplicate + "\""
                    : JsonSerializer.Serialize(duplicate);
                return Replace(
                    root,
                    target,
                    Hold(held, "{" + key + ":" + Fragment(random) + (inner.Length > 2 ? "," : "") + inner[1..])
                );
            case 2 when target is JsonObject obj:
                obj[random.Pick(["$type", "__proto__", "constructor", "extra", "Code", "CODE", ""])] = random.Next(3);
                return root;
            case 3 when target is JsonArray array && array.Count > 0:
                // 5,001 copies of a small item: over the 5,000 events of a batch, under the 10 MiB of a body.
                var item = Expand(array[0]?.ToJsonString(Raw) ?? "null", held);
                var copies = random.Next(2) == 0 && item.Length < 1_000 ? 5_001 : 3;
                return Replace(root, target, Hold(held, "[" + string.Join(",", Enumerable.Repeat(item, copies)) + "]"));
            default:
                return Replace(root, target, Hold(held, Fragment(random)));
        }
    }

    /// <summary>The text with every held value in place of its placeholder (later values may hold earlier
    /// placeholders).</summary>
    private static string Expand(string text, List<string> held)
    {
        for (var i = held.Count - 1; i >= 0; i--)
        {
            text = text.Replace(Placeholder(i), held[i], StringComparison.Ordinal);
        }

        return text;
    }

    private static string Hold(List<string> held, string raw)
    {
        held.Add(raw);
        return Placeholder(held.Count - 1)[1..^1];
    }

    private static string Placeholder(int index) => "\"__fuzz_" + index.ToString(CultureInfo.InvariantCulture) + "__\"";

    private static JsonNode Replace(JsonNode root, JsonNode target, string placeholder)
    {
        switch (target.Parent)
        {
            case null:
                return JsonValue.Create(placeholder);
            case JsonObject obj:
                obj[target.GetPropertyName()] = placeholder;
                return root;
            case JsonArray array:
                array[target.GetElementIndex()] = placeholder;
                return root;
            default:
                return root;
        }
    }

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Walk))
        {
            yield return child;
        }
    }

    /// <summary>Byte-level damage: truncation, invalid UTF-8, a byte order mark, UTF-16, trailing garbage.</summary>
    private static byte[] MutateBytes(Random random, byte[] body)
    {
        byte[][] invalid =
        [
            [0xFF],
            [0xC0, 0xAF],
            [0xED, 0xA0, 0x80],
            [0xF8, 0x88, 0x80, 0x80, 0x80],
            [0x80],
            [0xE2, 0x82],
        ];
        var at = body.Length == 0 ? 0 : random.Next(body.Length);
        return random.Next(6) switch
        {
            0 => body[..at],
            1 => [.. body[..at], .. random.Pick(invalid), .. body[at..]],
            2 => [0xEF, 0xBB, 0xBF, .. body],
            3 => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(body)),
            4 => [.. body, .. "}]garbage"u8.ToArray()],
            _ => [.. body[..at], 0x00, .. body[at..]],
        };
    }
}
