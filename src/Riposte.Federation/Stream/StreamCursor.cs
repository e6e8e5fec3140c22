using System.Globalization;

namespace Riposte.Federation.Stream;

/// <summary>
/// A position in a node's event stream: the store's insertion sequence and the tombstone log's
/// sequence, written <c>"{sequence}-{tombstone}"</c> as the SSE event id. Only the node that made it
/// interprets it; a subscriber stores it as an opaque value (never compared with its own clock or numbers).
/// </summary>
public readonly record struct StreamCursor(long Sequence, long Tombstone)
{
    public static readonly StreamCursor Start = new(0, 0);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Sequence}-{Tombstone}");

    public static bool TryParse(string? text, out StreamCursor cursor)
    {
        cursor = Start;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var tombstone))
            return false;
        cursor = new StreamCursor(sequence, tombstone);
        return true;
    }
}
