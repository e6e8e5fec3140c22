using System.Runtime.InteropServices;
using System.Text.Json;

namespace Riposte.Stix.Validation;

/// <summary>
/// Property names as strings without a new string per occurrence: the objects of a feed repeat the same few
/// dozen names, so each name's string is kept (in a small fixed table) and later occurrences are found by
/// their UTF-8 bytes. Entries are immutable and replaced whole, so threads share the table without locks.
/// </summary>
internal static class PropertyNames
{
    private const int Slots = 1024; // a power of two
    private const int LongestKept = 64;
    private static readonly Entry?[] Table = new Entry?[Slots];

    public static string Of(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > LongestKept || raw.Contains((byte)'\\'))
            return property.Name; // escaped or unusually long: decode it the ordinary way
        ref var slot = ref Table[(int)(Fnv1a(raw) & (Slots - 1))];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && raw.SequenceEqual(entry.Utf8))
            return entry.Name;
        var name = property.Name;
        Volatile.Write(ref slot, new Entry(raw.ToArray(), name));
        return name;
    }

    private static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
            hash = (hash ^ b) * 16777619u;
        return hash;
    }

    private sealed record Entry(byte[] Utf8, string Name);
}
