using System.Text;

namespace Riposte.Federation.Sync;

/// <summary>One message of a Server-Sent Events stream: an event, or a comment line (heartbeat).</summary>
public sealed record SseMessage(string? Id, string Event, string Data, string? Comment);

/// <summary>
/// Parses text/event-stream as the HTML standard says (fields id, event, data; comment lines start
/// with ':'; a blank line dispatches), enough for Riposte's streams.
/// </summary>
public static class SseReader
{
    public static async IAsyncEnumerable<SseMessage> ReadAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? id = null;
        string eventName = "message";
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                    yield return new SseMessage(id, eventName, data.ToString(), null);
                id = null;
                eventName = "message";
                data.Clear();
                hasData = false;
                continue;
            }
            if (line[0] == ':')
            {
                yield return new SseMessage(null, "", "", line[1..].Trim());
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
                value = value[1..];
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    eventName = value;
                    break;
                case "data":
                    if (hasData)
                        data.Append('\n');
                    data.Append(value);
                    hasData = true;
                    break;
            }
        }
    }
}
