using Riposte.Access.Directory;
using Riposte.Storage.Access;

namespace Riposte.Web.Ui.Views.Admin;

/// <summary>How a collection grant is named and offered on the admin pages.</summary>
public static class GrantView
{
    private static readonly string[] BuiltIns = [BuiltInGroups.AllMembers, BuiltInGroups.AllPartners, BuiltInGroups.AllOutreach, BuiltInGroups.Community, BuiltInGroups.Everyone];

    public static string Rights(CollectionGrant grant) =>
        grant.Read && grant.Write ? "read and write" : grant.Write ? "write" : "read";

    public static string GranteeName(CollectionGrant grant, IReadOnlyDictionary<string, string> organizationNames) =>
        grant.Kind == GranteeKind.Group ? "group " + grant.Grantee : organizationNames.GetValueOrDefault(grant.Grantee, grant.Grantee);

    /// <summary>The value a grant form posts for a grantee (see <see cref="AdminInput.Grantee"/>); also a unique form-name suffix.</summary>
    public static string Key(GranteeKind kind, string grantee) => (kind == GranteeKind.Group ? "group:" : "organization:") + grantee;

    /// <summary>Every organisation, then the built-in and named groups.</summary>
    public static IReadOnlyList<(string Value, string Text)> Grantees(IReadOnlyList<OrganizationRecord> organizations, IReadOnlyList<string> namedGroups) =>
    [
        .. organizations.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Select(o => (Key(GranteeKind.Organization, o.Id), o.Name)),
        .. BuiltIns.Concat(namedGroups.Except(BuiltIns, StringComparer.Ordinal)).Select(g => (Key(GranteeKind.Group, g), "group " + g)),
    ];
}
