using System.Net;
using Riposte.Access.Audit;
using Riposte.Storage.Access;
using Riposte.Web.Ui.Tests.Support;

namespace Riposte.Web.Ui.Tests.Admin;

/// <summary>Only admins reach the admin pages and every one of their form handlers; the rest get 403 and the attempt is audited.</summary>
public sealed class AdminAccessTests(AdminNodeFixture fixture) : IClassFixture<AdminNodeFixture>
{
    private UiNode Node => fixture.Node;

    /// <summary>Every admin form handler: (path, form name, fields); {user}, {org}, {collection}, {peer} are filled in.</summary>
    private static readonly (string Path, string Form, string Fields)[] Handlers =
    [
        ("admin/organizations", "org-create", "Org.Name=Intruder org&Org.Tier=member"),
        ("admin/organizations/{org}", "org-edit", "Org.Name=Renamed by intruder&Org.Tier=member"),
        ("admin/organizations/{org}", "client-add", "Client.Value={nodeorg}"),
        ("admin/organizations/{org}", "client-remove-{nodeorg}", ""),
        ("admin/organizations/{org}", "group-join", "Group.Value=intruders"),
        ("admin/organizations/{org}", "group-leave-intruders", ""),
        ("admin/users", "user-create", "User.Name=intruder&User.OrganizationId={nodeorg}&User.Role=admin&User.Password=intruder-password-1&User.Confirm=intruder-password-1"),
        ("admin/users/{user}", "user-role", "Role.Role=admin"),
        ("admin/users/{user}", "user-state", ""),
        ("admin/users/{user}", "user-password", "Password.Password=intruder-password-1&Password.Confirm=intruder-password-1"),
        ("admin/users/{user}", "token-create", "Token.Name=stolen&Token.Days=1"),
        ("admin/users/{user}", "token-revoke-token--00000000-0000-4000-8000-000000000001", ""),
        ("admin/collections", "collection-create", "Collection.Title=Intruder collection"),
        ("admin/collections/{collection}", "grant", "Grant.Grantee=group:everyone&Grant.Read=true"),
        ("admin/collections/{collection}", "grant-revoke-group:everyone", ""),
        ("admin/peers", "peer-add", "Peer.Name=intruder&Peer.Url=http://127.0.0.1:9&Peer.OrganizationId={org}&Peer.Token=x&Peer.OutMax=red&Peer.InMax=red"),
        ("admin/peers/{peer}", "peer-edit", "Peer.Url=http://127.0.0.1:9&Peer.OrganizationId={org}&Peer.OutMax=red&Peer.InMax=red"),
        ("admin/peers/{peer}", "peer-remove", ""),
    ];

    /// <summary>Every handler, for a partner-role user of another organisation and an analyst of the node's own.</summary>
    public static TheoryData<string, string, string, string> HandlersForNonAdmins()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var user in new[] { "partner", "analyst" })
        {
            foreach (var (path, form, fields) in Handlers)
                data.Add(user, path, form, fields);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HandlersForNonAdmins))]
    public async Task AdminHandler_NonAdmin_Is403AndChangesNothing(string user, string path, string form, string fields)
    {
        var before = Snapshot();
        using var client = await UiClient.SignedInAsync(Node.BaseAddress, user);

        var response = await client.PostFormAsync(Fill(path), Fill(form), Fields(fields), tokenFrom: "incidents");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData("admin/organizations", "org-create", "Org.Name=Intruder org&Org.Tier=member")]
    [InlineData("admin/collections/{collection}", "grant", "Grant.Grantee=organization:{partnerorg}&Grant.Read=true")]
    [InlineData("admin/peers/{peer}", "peer-remove", "")]
    public async Task NodeAdminHandler_AdminOfAnotherOrganisation_Is403(string path, string form, string fields)
    {
        var before = Snapshot();
        using var partnerAdmin = await UiClient.SignedInAsync(Node.BaseAddress, AdminNodeFixture.PartnerAdmin);

        var response = await partnerAdmin.PostFormAsync(Fill(path), Fill(form), Fields(fields), tokenFrom: "admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("admin/organizations")]
    [InlineData("admin/organizations/{org}")]
    [InlineData("admin/users")]
    [InlineData("admin/users/{user}")]
    [InlineData("admin/collections")]
    [InlineData("admin/collections/{collection}")]
    [InlineData("admin/peers")]
    [InlineData("admin/peers/{peer}")]
    public async Task AdminPage_PartnerRole_Is403WithoutTheirContent(string path)
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var response = await partner.GetAsync(Fill(path));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only administrators", body, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminNodeFixture.PeerName, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminHandler_RefusedPost_IsAudited()
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        await partner.PostFormAsync("admin/collections", "collection-create", Fields("Collection.Title=Audited attempt"), tokenFrom: "incidents");

        var refused = fixture.Audit(new AuditFilter { UserId = fixture.PartnerUserId, Action = AuditActions.CollectionChange, Allowed = false, From = since });
        Assert.Contains(refused, r => r.Reason!.Contains("/admin/collections", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_AdminPost_IsSentToLogin()
    {
        using var anonymous = new UiClient(Node.BaseAddress);

        var response = await anonymous.PostFormAsync("admin/organizations", "org-create", Fields("Org.Name=Nobody&Org.Tier=member"), tokenFrom: "login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Everything an admin handler could change, to show that a refused one changed none of it.</summary>
    private string Snapshot() => fixture.Use(sp =>
    {
        T S<T>() where T : notnull => (T)sp.GetService(typeof(T))!;
        var orgs = S<Riposte.Access.OrganizationService>();
        var users = S<Riposte.Access.UserService>();
        var collections = S<Riposte.Access.CollectionService>();
        var peers = S<Riposte.Federation.Peers.PeerService>();
        return string.Join("\n",
            string.Join(";", orgs.List().Select(o => $"{o.Id}={o.Name}/{o.Tier}/{string.Join(",", orgs.ClientsOf(o.Id))}/{string.Join(",", orgs.GroupsOf(o.Id))}")),
            string.Join(";", users.List().Select(u => $"{u.Name}/{u.Role}/{u.Disabled}/{u.PasswordHash}/{S<Riposte.Access.TokenService>().List(u.Id).Count}")),
            string.Join(";", collections.List().Select(c => $"{c.Id}/{string.Join(",", collections.ListGrants(c.Id))}")),
            string.Join(";", peers.List().Select(p => $"{p.Name}/{p.Url}/{p.OutMax}/{p.InMax}")));
    });

    private string Fill(string text) => text
        .Replace("{nodeorg}", Node.NodeOrg, StringComparison.Ordinal)
        .Replace("{partnerorg}", UiNode.PartnerOrg, StringComparison.Ordinal)
        .Replace("{org}", UiNode.PartnerOrg, StringComparison.Ordinal)
        .Replace("{user}", fixture.PartnerUserId, StringComparison.Ordinal)
        .Replace("{collection}", fixture.CollectionId, StringComparison.Ordinal)
        .Replace("{peer}", AdminNodeFixture.PeerName, StringComparison.Ordinal);

    private Dictionary<string, string> Fields(string encoded) =>
        encoded.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => Fill(kv[1]), StringComparer.Ordinal);
}
