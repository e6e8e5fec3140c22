namespace Riposte.Web.Maintenance;

/// <summary>A clock the copy sets before each write, so the target stamps each version with the source's date_added.</summary>
internal sealed class ReplayClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

    public override DateTimeOffset GetUtcNow() => Now;
}
