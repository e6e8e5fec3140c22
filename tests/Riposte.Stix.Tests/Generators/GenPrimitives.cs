using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Riposte.Stix.Markings;

namespace Riposte.Stix.Tests.Generators;

/// <summary>Generators of STIX building blocks: ids, timestamps of any precision, unicode text, arbitrary JSON.</summary>
internal static class GenPrimitives
{
    private static readonly string[] TextAtoms =
    [
        "a", "Z", "0", "7", " ", "-", "é", "ß", "Ж", "ї", "ا", "中", "文", "🐍", "👩‍💻", "𝄞", "\"", "\\", "/", "\n", "\t",
        "\u0001", "\u2028", "'", "<", ">", "&", "€", "lorem", "Ipsum",
    ];

    private static readonly char[] Lower = "abcdefghijklmnopqrstuvwxyz".ToCharArray();
    private static readonly char[] LowerDigits = "abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray();

    public static readonly string[] MarkingIds =
    [
        TlpMarkings.ClearId, TlpMarkings.GreenId, TlpMarkings.AmberId, TlpMarkings.AmberStrictId, TlpMarkings.RedId,
        TlpMarkings.Tlp1WhiteId, "marking-definition--27557362-b745-4161-96e8-ccd62ce4cb26",
    ];

    public static JsonArray Arr(IEnumerable<JsonNode?> items) => new(items.ToArray());

    public static Gen<Guid> Uuid4 =>
        Gen.ArrayOf(Gen.Choose(0, 255), 16).Select(values =>
        {
            var bytes = values.Select(v => (byte)v).ToArray();
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes, bigEndian: true);
        });

    public static Gen<string> Id(string type) => Uuid4.Select(u => StixIds.Create(type, u));

    public static Gen<string> IdOf(params string[] types) => Gen.Elements(types).SelectMany(Id);

    public static Gen<JsonNode> Ids(params string[] types) =>
        Gen.NonEmptyListOf(IdOf(types)).Resize(3).Select(ids => (JsonNode)Arr(ids.Select(i => (JsonNode)i)));

    /// <summary>An RFC 3339 UTC timestamp with <paramref name="minFraction"/>..<paramref name="maxFraction"/> fractional digits.</summary>
    public static Gen<string> Timestamp(int minFraction = 0, int maxFraction = 9) =>
        from year in Gen.Choose(1970, 2099)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from seconds in Gen.Choose(0, 86_399)
        from n in Gen.Choose(minFraction, maxFraction)
        from digits in Gen.ArrayOf(Gen.Choose(0, 9), n)
        select string.Create(CultureInfo.InvariantCulture,
            $"{year:D4}-{month:D2}-{day:D2}T{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}{(n == 0 ? "" : "." + string.Concat(digits))}Z");

    /// <summary>Two timestamps, the second not before (or, when strict, after) the first.</summary>
    public static Gen<(string Earlier, string Later)> OrderedTimestamps(int minFraction = 0, bool strict = false) =>
        from a in Timestamp(minFraction)
        from b in Timestamp(minFraction)
        let ta = StixTimestamp.Parse(a)
        let tb = StixTimestamp.Parse(b)
        where !strict || ta.CompareTo(tb) != 0
        select ta <= tb ? (a, b) : (b, a);

    public static Gen<string> Text =>
        Gen.NonEmptyListOf(Gen.Elements(TextAtoms)).Resize(12).Select(parts => string.Concat(parts));

    /// <summary>Lower-case words joined by hyphens (vocabulary-like terms, relationship types).</summary>
    public static Gen<string> Word =>
        Gen.ArrayOf(Gen.Elements(Lower), 3).SelectMany(first => Gen.ArrayOf(Gen.Elements(LowerDigits)).Resize(6)
            .Select(rest => new string(first) + new string(rest)));

    /// <summary>A custom property name: x_ prefix, a-z0-9_, not ending in a suffix that implies a type.</summary>
    public static Gen<string> CustomName =>
        Word.Select(w => "x_" + w.Replace('-', '_')).Where(n => !n.EndsWith("_bin", StringComparison.Ordinal)
            && !n.EndsWith("_hex", StringComparison.Ordinal) && !n.EndsWith("_ref", StringComparison.Ordinal) && !n.EndsWith("_refs", StringComparison.Ordinal));

    /// <summary>A property name inside an extension (a-z0-9_, 3+ characters).</summary>
    public static Gen<string> ExtensionPropertyName => CustomName.Select(n => n[2..] + "_p");

    public static Gen<double> Double =>
        from mantissa in Gen.Choose(-999_999, 999_999)
        from exponent in Gen.Choose(-30, 30)
        select mantissa * Math.Pow(10, exponent);

    /// <summary>Arbitrary non-null JSON (nulls only nested), with nesting up to <paramref name="depth"/>.</summary>
    public static Gen<JsonNode> AnyJson(int depth)
    {
        var leaf = Gen.OneOf(
            Text.Select(s => (JsonNode)JsonValue.Create(s)),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => (JsonNode)JsonValue.Create(i)),
            Double.Select(d => (JsonNode)JsonValue.Create(d)),
            Gen.Elements(true, false).Select(b => (JsonNode)JsonValue.Create(b)));
        if (depth <= 0)
            return leaf;
        var nested = AnyJson(depth - 1);
        var nullable = Gen.Frequency((5, nested.Select(n => (JsonNode?)n)), (1, Gen.Constant((JsonNode?)null)));
        var obj = Gen.NonEmptyListOf(Gen.Zip(Word, nullable)).Resize(3).Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (k, v) in pairs)
                o[k] = v;
            return (JsonNode)o;
        });
        var array = Gen.NonEmptyListOf(nullable).Resize(3).Select(items => (JsonNode)Arr(items));
        return Gen.Frequency((3, leaf), (1, obj), (1, array));
    }

    public static Gen<JsonNode> Strings => Gen.NonEmptyListOf(Text).Resize(3).Select(list => (JsonNode)Arr(list.Select(s => (JsonNode)s)));

    public static Gen<JsonNode> Terms(params string[] vocabulary) =>
        Gen.NonEmptyListOf(Gen.Elements(vocabulary)).Resize(3).Select(list => (JsonNode)Arr(list.Distinct().Select(s => (JsonNode)s)));

    public static Gen<JsonNode> Str(Gen<string> gen) => gen.Select(s => (JsonNode)s);

    public static Gen<JsonNode> Int(int min, int max) => Gen.Choose(min, max).Select(i => (JsonNode)i);

    public static Gen<JsonNode> Bool => Gen.Elements(true, false).Select(b => (JsonNode)b);

    public static Gen<JsonNode> Hex(int bytes) => Gen.ArrayOf(Gen.Choose(0, 255), bytes).Select(b => (JsonNode)Convert.ToHexStringLower([.. b.Select(x => (byte)x)]));

    public static Gen<JsonNode> Base64 => Gen.NonEmptyListOf(Gen.Choose(0, 255)).Select(b => (JsonNode)Convert.ToBase64String([.. b.Select(x => (byte)x)]));

    public static Gen<JsonNode> Hashes =>
        from md5 in Hex(16)
        from sha256 in Hex(32)
        from which in Gen.Choose(1, 3)
        select (JsonNode)(which switch
        {
            1 => new JsonObject { ["MD5"] = md5 },
            2 => new JsonObject { ["SHA-256"] = sha256 },
            _ => new JsonObject { ["SHA-256"] = sha256, ["MD5"] = md5 },
        });
}
