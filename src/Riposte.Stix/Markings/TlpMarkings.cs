using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Riposte.Stix.Markings;

/// <summary>
/// The TLP marking-definition objects everyone shares by id: the TLP 2.0 markings published by the
/// OASIS CTI TC (cti-stix-common-objects, extension-definition-specifications/tlp-2.0) and the four
/// TLP 1.0 markings of STIX 2.1 section 7.2.1.4. TLP 1.0 WHITE maps to TLP 2.0 CLEAR.
/// </summary>
public static class TlpMarkings
{
    /// <summary>The extension-definition the TLP 2.0 markings use (property <c>tlp_2_0</c>).</summary>
    public const string Tlp2ExtensionDefinitionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    public const string Tlp2Created = "2022-10-01T00:00:00.000Z";
    public const string Tlp1Created = "2017-01-20T00:00:00.000Z";

    public const string ClearId = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    public const string GreenId = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    public const string AmberId = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    public const string AmberStrictId = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    public const string RedId = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

    public const string Tlp1WhiteId = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
    public const string Tlp1GreenId = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    public const string Tlp1AmberId = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    public const string Tlp1RedId = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    // The identity of the CTI TC that created the TLP 2.0 extension-definition object.
    private const string Tlp2ExtensionCreatorId = "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01";

    private static readonly FrozenDictionary<string, TlpLevel> LevelById = new Dictionary<string, TlpLevel>(StringComparer.Ordinal)
    {
        [ClearId] = TlpLevel.Clear,
        [GreenId] = TlpLevel.Green,
        [AmberId] = TlpLevel.Amber,
        [AmberStrictId] = TlpLevel.AmberStrict,
        [RedId] = TlpLevel.Red,
        [Tlp1WhiteId] = TlpLevel.Clear,
        [Tlp1GreenId] = TlpLevel.Green,
        [Tlp1AmberId] = TlpLevel.Amber,
        [Tlp1RedId] = TlpLevel.Red,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, TlpLevel> LevelByTlp2Value = new Dictionary<string, TlpLevel>(StringComparer.Ordinal)
    {
        ["clear"] = TlpLevel.Clear,
        ["green"] = TlpLevel.Green,
        ["amber"] = TlpLevel.Amber,
        ["amber+strict"] = TlpLevel.AmberStrict,
        ["red"] = TlpLevel.Red,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, TlpLevel> LevelByTlp1Value = new Dictionary<string, TlpLevel>(StringComparer.Ordinal)
    {
        ["white"] = TlpLevel.Clear,
        ["green"] = TlpLevel.Green,
        ["amber"] = TlpLevel.Amber,
        ["red"] = TlpLevel.Red,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The TLP level of an official TLP 1.0 or 2.0 marking-definition id, else null.</summary>
    public static TlpLevel? LevelOf(string? markingId) =>
        markingId is not null && LevelById.TryGetValue(markingId, out var level) ? level : null;

    /// <summary>True for the nine official TLP marking-definition ids.</summary>
    public static bool IsTlpMarkingId(string? markingId) => markingId is not null && LevelById.ContainsKey(markingId);

    /// <summary>The most restrictive TLP level among <paramref name="markingIds"/>, else null when none is a TLP marking.</summary>
    public static TlpLevel? MostRestrictive(IEnumerable<string> markingIds)
    {
        TlpLevel? most = null;
        foreach (var id in markingIds)
        {
            if (LevelOf(id) is { } level && (most is null || level > most))
                most = level;
        }
        return most;
    }

    /// <summary>The TLP 2.0 marking-definition id of a level.</summary>
    public static string IdOf(TlpLevel level) => level switch
    {
        TlpLevel.Clear => ClearId,
        TlpLevel.Green => GreenId,
        TlpLevel.Amber => AmberId,
        TlpLevel.AmberStrict => AmberStrictId,
        TlpLevel.Red => RedId,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a TLP level"),
    };

    /// <summary>The TLP 2.0 value used in <c>tlp_2_0</c> and in names (<c>clear</c>, <c>amber+strict</c>…).</summary>
    public static string Tlp2Value(TlpLevel level) => level switch
    {
        TlpLevel.Clear => "clear",
        TlpLevel.Green => "green",
        TlpLevel.Amber => "amber",
        TlpLevel.AmberStrict => "amber+strict",
        TlpLevel.Red => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a TLP level"),
    };

    /// <summary>The level named by a TLP 2.0 value (<c>tlp_2_0</c>), else null.</summary>
    public static TlpLevel? FromTlp2Value(string? value) =>
        value is not null && LevelByTlp2Value.TryGetValue(value, out var level) ? level : null;

    /// <summary>The TLP 2.0 level of a TLP 1.0 colour (<c>white</c> → Clear), else null.</summary>
    public static TlpLevel? FromTlp1Value(string? value) =>
        value is not null && LevelByTlp1Value.TryGetValue(value, out var level) ? level : null;

    /// <summary>The official TLP 2.0 marking-definition object of a level (a fresh copy each call).</summary>
    public static StixObject Definition(TlpLevel level) => new(new JsonObject
    {
        ["type"] = "marking-definition",
        ["spec_version"] = "2.1",
        ["id"] = IdOf(level),
        ["created"] = Tlp2Created,
        ["name"] = "TLP:" + Tlp2Value(level).ToUpperInvariant(),
        ["extensions"] = new JsonObject
        {
            [Tlp2ExtensionDefinitionId] = new JsonObject
            {
                ["extension_type"] = "property-extension",
                ["tlp_2_0"] = Tlp2Value(level),
            },
        },
    });

    /// <summary>The five TLP 2.0 marking definitions, least restrictive first.</summary>
    public static IReadOnlyList<StixObject> Tlp2Definitions() =>
        [Definition(TlpLevel.Clear), Definition(TlpLevel.Green), Definition(TlpLevel.Amber), Definition(TlpLevel.AmberStrict), Definition(TlpLevel.Red)];

    /// <summary>The four TLP 1.0 marking definitions of STIX 2.1 section 7.2.1.4 (white, green, amber, red).</summary>
    public static IReadOnlyList<StixObject> Tlp1Definitions() =>
        [Tlp1Definition(Tlp1WhiteId, "white"), Tlp1Definition(Tlp1GreenId, "green"), Tlp1Definition(Tlp1AmberId, "amber"), Tlp1Definition(Tlp1RedId, "red")];

    /// <summary>The TLP 2.0 extension-definition object (from cti-stix-common-objects).</summary>
    public static StixObject Tlp2ExtensionDefinition() => new(new JsonObject
    {
        ["id"] = Tlp2ExtensionDefinitionId,
        ["type"] = "extension-definition",
        ["spec_version"] = "2.1",
        ["name"] = "TLP 2.0",
        ["description"] = "This defines TLP 2.0 as a STIX extension",
        ["created"] = Tlp2Created,
        ["modified"] = Tlp2Created,
        ["created_by_ref"] = Tlp2ExtensionCreatorId,
        ["schema"] = "https://github.com/oasis-open/cti-stix-common-objects/tree/master/extension-definition-specifications/tlp-2.0",
        ["version"] = "1.0.0",
        ["extension_types"] = new JsonArray("property-extension"),
    });

    /// <summary>The TLP 1.0 id of a TLP 1.0 colour, else null.</summary>
    public static string? Tlp1IdOf(string colour) => colour switch
    {
        "white" => Tlp1WhiteId,
        "green" => Tlp1GreenId,
        "amber" => Tlp1AmberId,
        "red" => Tlp1RedId,
        _ => null,
    };

    private static StixObject Tlp1Definition(string id, string colour) => new(new JsonObject
    {
        ["type"] = "marking-definition",
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created"] = Tlp1Created,
        ["definition_type"] = "tlp",
        ["name"] = "TLP:" + colour.ToUpperInvariant(),
        ["definition"] = new JsonObject { ["tlp"] = colour },
    });
}
