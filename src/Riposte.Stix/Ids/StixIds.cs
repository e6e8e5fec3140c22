using System.Buffers;

namespace Riposte.Stix;

/// <summary>
/// STIX identifiers: <c>object-type--UUID</c>, where the type is the object's <c>type</c> and the
/// UUID is RFC 4122 (version 1–5, variant 10xx), as STIX 2.1 section 2.9 requires.
/// </summary>
public static class StixIds
{
    private const string Separator = "--";
    private static readonly SearchValues<char> TypeChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    /// <summary>A new id with a random (version 4) UUID, as STIX recommends for every non-SCO object.</summary>
    public static string New(string type)
    {
        if (!IsValidType(type))
            throw new ArgumentException($"'{type}' is not a valid STIX type name (3-250 of a-z, 0-9, '-', starting with a letter)", nameof(type));
        return string.Concat(type, Separator, Guid.NewGuid().ToString("D"));
    }

    /// <summary>The id made of <paramref name="type"/> and <paramref name="uuid"/> (lower-case, as RFC 4122 writes it).</summary>
    public static string Create(string type, Guid uuid) => string.Concat(type, Separator, uuid.ToString("D"));

    /// <summary>True when <paramref name="id"/> is <c>type--UUID</c> with a valid type name and an RFC 4122 UUID.</summary>
    public static bool IsValid(string? id) => TryGetType(id, out _);

    /// <summary>The type part of a valid id, else null.</summary>
    public static string? TypeOf(string? id) => TryGetType(id, out var type) ? type.ToString() : null;

    /// <summary>True when <paramref name="id"/> is valid and its type is <paramref name="type"/> (no allocation).</summary>
    public static bool IsOfType(string? id, string type) =>
        TryGetType(id, out var t) && t.SequenceEqual(type);

    /// <summary>Splits a valid id into its type and UUID.</summary>
    public static bool TrySplit(string? id, out ReadOnlySpan<char> type, out Guid uuid)
    {
        uuid = default;
        if (!TryGetType(id, out type))
            return false;
        uuid = Guid.ParseExact(id.AsSpan()[^36..], "D");
        return true;
    }

    /// <summary>The type part of a valid id, without allocating or parsing the UUID.</summary>
    public static bool TryGetType([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id, out ReadOnlySpan<char> type)
    {
        type = default;
        if (id is null || id.Length < 3 + 2 + 36)
            return false;
        var span = id.AsSpan();
        var typePart = span[..^38];
        if (!span[^38..^36].SequenceEqual(Separator) || !IsValidType(typePart) || !IsRfc4122(span[^36..]))
            return false;
        type = typePart;
        return true;
    }

    /// <summary>STIX type names: 3–250 ASCII characters of a–z, 0–9 and '-', starting with a letter, not ending with '-', no "--".</summary>
    public static bool IsValidType(ReadOnlySpan<char> type) =>
        type.Length is >= 3 and <= 250
        && type[0] is >= 'a' and <= 'z'
        && type[^1] != '-'
        && !type.ContainsAnyExcept(TypeChars)
        && !type.Contains(Separator, StringComparison.Ordinal);

    /// <summary>The UUID's version nibble (1–5 for RFC 4122), or 0 when <paramref name="id"/> is not valid.</summary>
    public static int UuidVersion(string? id) => TryGetType(id, out _) ? HexValue(id[^22]) : 0;

    private static bool IsRfc4122(ReadOnlySpan<char> u)
    {
        // 8-4-4-4-12 hex digits; version digit 1-5; variant digit 8, 9, a or b.
        if (u[8] != '-' || u[13] != '-' || u[18] != '-' || u[23] != '-')
            return false;
        for (var i = 0; i < 36; i++)
        {
            if (i is 8 or 13 or 18 or 23)
                continue;
            if (!char.IsAsciiHexDigit(u[i]))
                return false;
        }
        return u[14] is >= '1' and <= '5' && u[19] is '8' or '9' or 'a' or 'b' or 'A' or 'B';
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
