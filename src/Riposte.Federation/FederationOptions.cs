namespace Riposte.Federation;

/// <summary>Federation settings (configuration section <c>Riposte:Federation</c>), checked at start-up.</summary>
public sealed class FederationOptions
{
    public const string SectionName = "Riposte:Federation";

    /// <summary>Where the event stream is served.</summary>
    public string StreamPath { get; set; } = "/federation/v1/stream";

    /// <summary>Where peers that poll by TAXII read the change log (deletions, later memberships).</summary>
    public string ChangesPath { get; set; } = "/federation/v1/changes";

    /// <summary>Where peers push their changes (the stream's event format), applied as pulled ones are.</summary>
    public string PushPath { get; set; } = "/federation/v1/push";

    /// <summary>Where peers that polled by TAXII ask where versions came from.</summary>
    public string ProvenancePath { get; set; } = "/federation/v1/provenance";

    /// <summary>The TAXII API root path on peers, used for polling when a stream is down and for pushing.</summary>
    public string PeerApiRootPath { get; set; } = "/taxii2/riposte/";

    /// <summary>How long one TAXII request to a peer may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle stream sends a heartbeat comment line.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// While a stream or a pusher serves, how often the store and the change log are checked for changes
    /// committed by other processes on the same database (the command line, another replica).
    /// </summary>
    public TimeSpan ExternalChangeInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Most store versions read per stream batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Capacity of each peer's bounded queue of received versions (back-pressure on the stream reader).</summary>
    public int QueueCapacity { get; set; } = 2_000;

    /// <summary>First retry delay after a failure; doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A stream silent for this long (no event, no heartbeat) is treated as dropped.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How often the sync service re-reads the peer list (peers added or removed from the command line).</summary>
    public TimeSpan PeerRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Folder of the data-protection keys that encrypt peer tokens. Must be the same for the host and the command line.</summary>
    public string KeysDirectory { get; set; } = "";

    /// <summary>Whether this node runs the sync loops (a read-only replica may serve the stream only).</summary>
    public bool RunSync { get; set; } = true;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!StreamPath.StartsWith('/'))
            problems.Add($"{SectionName}:StreamPath must start with '/', got '{StreamPath}'");
        if (!ChangesPath.StartsWith('/'))
            problems.Add($"{SectionName}:ChangesPath must start with '/', got '{ChangesPath}'");
        if (!PushPath.StartsWith('/'))
            problems.Add($"{SectionName}:PushPath must start with '/', got '{PushPath}'");
        if (!ProvenancePath.StartsWith('/'))
            problems.Add($"{SectionName}:ProvenancePath must start with '/', got '{ProvenancePath}'");
        if (HeartbeatInterval <= TimeSpan.Zero)
            problems.Add($"{SectionName}:HeartbeatInterval must be positive");
        if (ExternalChangeInterval <= TimeSpan.Zero)
            problems.Add($"{SectionName}:ExternalChangeInterval must be positive");
        if (StreamIdleTimeout <= HeartbeatInterval)
            problems.Add($"{SectionName}:StreamIdleTimeout must be longer than HeartbeatInterval");
        if (BatchSize is < 1 or > 10_000)
            problems.Add($"{SectionName}:BatchSize must be 1..10000, got {BatchSize}");
        if (QueueCapacity < 1)
            problems.Add($"{SectionName}:QueueCapacity must be at least 1");
        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
            problems.Add($"{SectionName}:RetryDelay must be positive and at most MaxRetryDelay");
        if (string.IsNullOrWhiteSpace(KeysDirectory))
            problems.Add($"{SectionName}:KeysDirectory must name the folder of the keys protecting peer tokens");
        return problems;
    }
}
