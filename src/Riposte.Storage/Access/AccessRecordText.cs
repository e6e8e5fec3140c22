namespace Riposte.Storage.Access;

/// <summary>How a trust tier is written in every provider's tables (lower-case words, stable across versions).</summary>
public static class TrustTiers
{
    public static string ToText(TrustTier tier) => tier switch
    {
        TrustTier.Member => "member",
        TrustTier.Partner => "partner",
        TrustTier.Outreach => "outreach",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "unknown trust tier"),
    };

    /// <exception cref="InvalidDataException">The stored value is none of the tiers.</exception>
    public static TrustTier Parse(string text) => text switch
    {
        "member" => TrustTier.Member,
        "partner" => TrustTier.Partner,
        "outreach" => TrustTier.Outreach,
        _ => throw new InvalidDataException($"access_organization.tier has an unknown value '{text}'"),
    };
}

/// <summary>How a grantee kind is written in every provider's tables.</summary>
public static class GranteeKinds
{
    public static string ToText(GranteeKind kind) => kind == GranteeKind.Group ? "group" : "organization";

    /// <exception cref="InvalidDataException">The stored value is neither kind.</exception>
    public static GranteeKind Parse(string text) => text switch
    {
        "group" => GranteeKind.Group,
        "organization" => GranteeKind.Organization,
        _ => throw new InvalidDataException($"access_grant.grantee_kind has an unknown value '{text}'"),
    };
}
