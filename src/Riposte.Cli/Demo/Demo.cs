using Riposte.Access;
using Riposte.Access.Directory;
using Riposte.Storage.Access;
using Riposte.Storage.Import;

namespace Riposte.Cli;

/// <summary>
/// The demo scenario (the invented "leaked dam memo" in Nordvale) that <c>serve --demo</c> loads: the
/// scenario's objects in a TAXII collection, its organisations and two users to try TAXII with.
/// Repeating it changes nothing.
/// </summary>
public static class Demo
{
    public const string CollectionId = "5d9a4a8e-3f5c-4b39-9d54-7c2f7a0d1e61";
    public const string PasswordVariable = "RIPOSTE_DEMO_PASSWORD";
    private const string DefaultPassword = "nordvale-demo-2025";
    public const string DeskUser = "desk";
    private const string ResourceName = "Riposte.Cli.Demo.demo-bundle.json";

    // The identities of the demo bundle, with the tier each gets on the node.
    private static readonly (string Id, string Name, TrustTier Tier, string User, Role Role)[] Organisations =
    [
        ("identity--bdd640fb-0667-4ad1-9c80-317fa3b1799d", "Riposte demo secretariat", TrustTier.Member, "secretariat", Role.Admin),
        ("identity--23b8c1e9-3924-46de-beb1-3b9046685257", "Ministry of Foreign Affairs of Nordvale", TrustTier.Member, "analyst", Role.Analyst),
        ("identity--bd9c66b3-ad3c-4d6d-9a3d-1fa7bc8960a9", "Riverton Herald", TrustTier.Outreach, "herald", Role.Reader),
    ];

    public static void Prepare(NodeSession node, CliConsole console)
    {
        var builtIns = BuiltIns.Load(node.Store);
        var organisations = node.Get<OrganizationService>();
        var users = node.Get<UserService>();
        var collections = node.Get<CollectionService>();
        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: >= UserService.MinimumPasswordLength } configured ? configured : DefaultPassword;

        // Only users of the node's own organisation record incidents (docs/access.md, rule C5): the desk
        // analyst lets a first-time user try the whole workflow, in the UI or over REST.
        var nodeDesk = (builtIns.NodeOrganizationId, "Riposte demo node", TrustTier.Member, DeskUser, Role.Analyst);
        foreach (var (id, name, tier, user, role) in Organisations.Append(nodeDesk))
        {
            if (organisations.Get(id) is null)
                organisations.Register(Principal.System, id, name, tier);
            if (users.GetByName(user) is null)
                users.Create(Principal.System, user, id, role, password);
        }
        // The ministry is the secretariat's client, so the secretariat's TLP:AMBER reaches it (docs/access.md).
        var (secretariat, ministry) = (Organisations[0].Id, Organisations[1].Id);
        organisations.AddClient(Principal.System, secretariat, ministry);
        if (collections.List().All(c => c.Id != CollectionId))
        {
            collections.Create(Principal.System, "Nordvale demo", "The demo scenario: the leaked dam memo", CollectionId);
            collections.Grant(Principal.System, CollectionId, GranteeKind.Group, BuiltInGroups.AllMembers, read: true, write: true);
            collections.Grant(Principal.System, CollectionId, GranteeKind.Group, BuiltInGroups.Community, read: true, write: false);
        }

        using var bundle = typeof(Demo).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the demo bundle {ResourceName} is missing from the build");
        var summary = new StixImporter(node.Store, new ImportOptions { CollectionId = CollectionId }).ImportAsync(bundle, "demo-bundle.json").GetAwaiter().GetResult();
        console.Out.MarkupLineInterpolated(
            $"demo: DISARM {builtIns.Disarm.Total} objects; scenario {summary.Added} added, {summary.Unchanged} unchanged, {summary.Rejected} rejected; collection {CollectionId}");
        console.Out.MarkupLineInterpolated(
            $"demo users (password '{password}', or set {PasswordVariable}): desk (the node's analyst: records incidents), analyst (member ministry), herald (outreach newspaper), secretariat (admin)");
        foreach (var rejection in summary.Rejections)
            console.Warn($"demo object rejected: {rejection}");
    }
}
