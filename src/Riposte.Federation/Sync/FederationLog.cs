using Microsoft.Extensions.Logging;

namespace Riposte.Federation.Sync;

internal static partial class FederationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {Peer}: sync loop started ({Url})")]
    public static partial void LinkStarted(ILogger logger, string peer, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {Peer}: sync loop stopped")]
    public static partial void LinkStopped(ILogger logger, string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {Peer}: {What} failed: {Error}")]
    public static partial void Failed(ILogger logger, string peer, string what, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {Peer}: {Conflicts} version(s) conflict with what this node holds; the first stored stands")]
    public static partial void Conflicts(ILogger logger, string peer, int conflicts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for changes made by other processes failed (tried again shortly): {Error}")]
    public static partial void WatchFailed(ILogger logger, string error);
}
