namespace Riposte.Access;

/// <summary>Per-request facts the access services record in the audit log. The web host sets them for each request.</summary>
public sealed class AccessRequestContext
{
    /// <summary>The client's address (IP), or a description such as "cli" for local commands.</summary>
    public string? RemoteAddress { get; set; }
}
