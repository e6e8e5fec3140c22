using Riposte.Access.Directory;
using Riposte.Stix.Markings;

namespace Riposte.Access.Markings;

/// <summary>
/// A principal placed in the directory: what the TLP rules need to know about the reader's
/// organisation. Built once per principal per snapshot; <see cref="MaySee"/> is then allocation-free.
/// </summary>
public sealed class Reader
{
    private readonly IReadOnlySet<string> _providers;

    public Reader(Principal principal, AccessSnapshot snapshot)
    {
        Principal = principal;
        IsRegistered = snapshot.Organization(principal.OrganizationId) is not null;
        InCommunity = snapshot.IsInCommunity(principal.OrganizationId);
        _providers = snapshot.ProvidersOf(principal.OrganizationId);
    }

    public Principal Principal { get; }

    /// <summary>The reader's organisation is registered on this node.</summary>
    public bool IsRegistered { get; }

    /// <summary>The reader's organisation is in the TLP:GREEN community.</summary>
    public bool InCommunity { get; }

    /// <summary>Whether the rules let this reader see something with these markings; the reason says which rule decided.</summary>
    public bool MaySee(MarkingSummary marking, out string reason)
    {
        var org = Principal.OrganizationId;
        if (Principal.IsSystem)
            return Allow("the node itself sees everything", out reason);
        if (marking.Level == TlpLevel.Clear)
            return Allow("TLP:CLEAR", out reason);
        if (marking.CreatorOrganizationId is { } creator && string.Equals(creator, org, StringComparison.Ordinal))
            return Allow("the reader's organisation created it", out reason);
        if (IsNamedRecipient(marking))
            return Allow("the reader is a named recipient", out reason);
        switch (marking.Level)
        {
            case TlpLevel.Green when InCommunity:
                return Allow("TLP:GREEN and the reader's organisation is in the community", out reason);
            case TlpLevel.Green or TlpLevel.Amber when marking.CreatorOrganizationId is { } c && _providers.Contains(c):
                return Allow("the reader's organisation is a client of the creator", out reason);
            default:
                reason = $"TLP:{Name(marking.Level)} and the reader's organisation is not in its audience";
                return false;
        }
    }

    public bool MaySee(MarkingSummary marking) => MaySee(marking, out _);

    private bool IsNamedRecipient(MarkingSummary marking)
    {
        foreach (var recipient in marking.Recipients)
        {
            if (string.Equals(recipient, Principal.OrganizationId, StringComparison.Ordinal) || string.Equals(recipient, Principal.UserId, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool Allow(string why, out string reason)
    {
        reason = why;
        return true;
    }

    public static string Name(TlpLevel level) => level switch
    {
        TlpLevel.Clear => "CLEAR",
        TlpLevel.Green => "GREEN",
        TlpLevel.Amber => "AMBER",
        TlpLevel.AmberStrict => "AMBER+STRICT",
        TlpLevel.Red => "RED",
        _ => level.ToString(),
    };
}
