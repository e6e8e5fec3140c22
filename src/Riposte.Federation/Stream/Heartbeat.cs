using System.Globalization;

namespace Riposte.Federation.Stream;

/// <summary>
/// A heartbeat comment of the event stream: <c>: heartbeat &lt;cursor&gt; &lt;serving node's time&gt; [more]</c>.
/// The cursor is how far the subscriber has been served (also past held-back versions); <c>more</c>
/// says the serving node had more to send than that batch. With the serving node's clock beside the
/// date_added of the versions it sent, a subscriber measures its lag without comparing two clocks.
/// </summary>
public readonly record struct Heartbeat(StreamCursor Cursor, DateTimeOffset? ServerTime, bool More)
{
    public const string Comment = "heartbeat";
    private const string MoreWord = "more";

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Comment} {Cursor} {ServerTime?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}{(More ? " " + MoreWord : "")}");

    /// <summary>Reads a comment line (without its ':'); false for any other comment.</summary>
    public static bool TryParse(string comment, out Heartbeat heartbeat)
    {
        heartbeat = default;
        var words = comment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] != Comment || !StreamCursor.TryParse(words[1], out var cursor))
            return false;
        DateTimeOffset? time = words.Length > 2 && DateTimeOffset.TryParse(words[2], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
        heartbeat = new Heartbeat(cursor, time, words.Length > 3 && words[3] == MoreWord);
        return true;
    }
}
