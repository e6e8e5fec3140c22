using System.Collections.Frozen;

namespace Riposte.Access.Markings;

/// <summary>
/// The official STIX marking-definition ids of TLP 2.0 (OASIS, created 2022-10-01) and TLP 1.0 (STIX 2.1 §7.2.1.4).
/// TLP 1.0 WHITE maps to CLEAR; 1.0 has no AMBER+STRICT.
/// </summary>
public static class TlpMarkingIds
{
    public const string Clear = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    public const string Green = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    public const string Amber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    public const string AmberStrict = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    public const string Red = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

    public const string V1White = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
    public const string V1Green = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    public const string V1Amber = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    public const string V1Red = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    private static readonly FrozenDictionary<string, Tlp> Levels = new Dictionary<string, Tlp>(StringComparer.Ordinal)
    {
        [Clear] = Tlp.Clear,
        [Green] = Tlp.Green,
        [Amber] = Tlp.Amber,
        [AmberStrict] = Tlp.AmberStrict,
        [Red] = Tlp.Red,
        [V1White] = Tlp.Clear,
        [V1Green] = Tlp.Green,
        [V1Amber] = Tlp.Amber,
        [V1Red] = Tlp.Red,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The TLP level a marking-definition id stands for; false for any other marking (statements, custom).</summary>
    public static bool TryGetLevel(string markingId, out Tlp level) => Levels.TryGetValue(markingId, out level);

    /// <summary>The TLP 2.0 marking-definition id of a level.</summary>
    public static string IdOf(Tlp level) => level switch
    {
        Tlp.Clear => Clear,
        Tlp.Green => Green,
        Tlp.Amber => Amber,
        Tlp.AmberStrict => AmberStrict,
        Tlp.Red => Red,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown TLP level"),
    };
}
