using Riposte.Access.Markings;
using Riposte.Stix.Markings;
using Riposte.Storage.Access;

namespace Riposte.Access;

/// <summary>How this node applies the marking rules. Bind from configuration section "Access"; validated on start.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>The STIX identity id of the organisation that runs this node: the creator of objects without created_by_ref.</summary>
    public string NodeOrganizationId { get; set; } = "";

    /// <summary>The level of objects that carry no TLP marking (statement markings do not count). TLP:AMBER unless configured.</summary>
    public TlpLevel DefaultLevel { get; set; } = TlpLevel.Amber;

    /// <summary>Tiers that make up "the community" for TLP:GREEN. All three by default: outreach partners receive GREEN (product brief).</summary>
    public HashSet<TrustTier> CommunityTiers { get; set; } = [TrustTier.Member, TrustTier.Partner, TrustTier.Outreach];

    /// <summary>Types that are public when unmarked: readers need them to interpret everything else.</summary>
    public HashSet<string> PublicTypes { get; set; } = new(StringComparer.Ordinal) { "marking-definition", "extension-definition" };

    /// <summary>
    /// Statement markings that say an object is published openly (an open licence). An object that carries one
    /// and no TLP marking counts as TLP:CLEAR instead of the default. By default DISARM's CC BY-SA statement, so the
    /// built-in framework — and relationships to it — are visible to everyone.
    /// </summary>
    public HashSet<string> PublicStatementMarkings { get; set; } = new(StringComparer.Ordinal) { "marking-definition--f79f25d2-8b96-4580-b169-eb7b613a7c31" };

    /// <summary>
    /// References extensions keep under other names than <c>*_ref</c>/<c>*_refs</c> (which the gate finds by itself):
    /// extension-definition id → paths inside the extension, <c>property</c> or <c>list[*].property</c>. The features
    /// that define extensions declare them here, so the gate never discloses the id of an object the reader may not see.
    /// </summary>
    public Dictionary<string, List<string>> ExtensionReferences { get; set; } = new(StringComparer.Ordinal);

    /// <summary>PBKDF2-SHA256 iterations for new password hashes (OWASP 2023: 600,000). Existing hashes keep their own count.</summary>
    public int PasswordIterations { get; set; } = 600_000;

    /// <summary>How long a verified password is remembered in memory so TAXII clients using Basic do not pay PBKDF2 per request; 0 disables.</summary>
    public int VerifiedPasswordCacheSeconds { get; set; } = 300;

    /// <summary>How long the organisations/grants snapshot may be reused before it is read again (other replicas may have changed it).</summary>
    public int DirectoryCacheSeconds { get; set; } = 30;

    /// <summary>Problems with these options, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!NodeOrganizationId.StartsWith("identity--", StringComparison.Ordinal) || !Guid.TryParse(NodeOrganizationId.AsSpan("identity--".Length), out _))
            problems.Add($"Access:NodeOrganizationId must be a STIX identity id (identity--<uuid>), got '{NodeOrganizationId}'");
        if (!Enum.IsDefined(DefaultLevel))
            problems.Add($"Access:DefaultLevel '{DefaultLevel}' is not a TLP level (Clear, Green, Amber, AmberStrict, Red)");
        if (PasswordIterations < 1_000)
            problems.Add($"Access:PasswordIterations must be at least 1000 (600000 recommended), got {PasswordIterations}");
        if (VerifiedPasswordCacheSeconds < 0)
            problems.Add("Access:VerifiedPasswordCacheSeconds must not be negative");
        if (DirectoryCacheSeconds < 0)
            problems.Add("Access:DirectoryCacheSeconds must not be negative");
        return problems;
    }
}
