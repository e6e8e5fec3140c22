using Riposte.Storage.Access;

namespace Riposte.Access.Directory;

/// <summary>Groups every node has, derived from trust tiers; named groups kept in the database add to them.</summary>
public static class BuiltInGroups
{
    public const string AllMembers = "all-members";
    public const string AllPartners = "all-partners";
    public const string AllOutreach = "all-outreach";

    /// <summary>The TLP:GREEN community: organisations whose tier is in <see cref="AccessOptions.CommunityTiers"/>.</summary>
    public const string Community = "community";

    /// <summary>Every organisation registered on this node.</summary>
    public const string Everyone = "everyone";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { AllMembers, AllPartners, AllOutreach, Community, Everyone };

    public static string ForTier(TrustTier tier) => tier switch
    {
        TrustTier.Member => AllMembers,
        TrustTier.Partner => AllPartners,
        TrustTier.Outreach => AllOutreach,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "unknown trust tier"),
    };
}
