using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Access.Audit;
using Riposte.Federation.Peers;
using Riposte.Storage;
using Riposte.Storage.Access;
using Riposte.Web.Ui.Tests.Support;

namespace Riposte.Web.Ui.Tests.Admin;

/// <summary>The admin forms as a node admin uses them: what they change, what they refuse and where they say so.</summary>
public sealed class AdminFormTests(AdminNodeFixture fixture) : IClassFixture<AdminNodeFixture>
{
    private UiNode Node => fixture.Node;

    private static async Task<string> BodyOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    private Task<UiClient> AdminAsync() => UiClient.SignedInAsync(Node.BaseAddress, "admin");

    [Fact]
    public async Task OrganizationCreate_Valid_RegistersWithANewGreenIdentityAndAudits()
    {
        using var admin = await AdminAsync();

        var response = await admin.PostFormAsync("admin/organizations", "org-create", new() { ["Org.Name"] = "Coastal fact-checkers", ["Org.Tier"] = "outreach" });
        var body = await BodyOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var org = fixture.Use(sp => sp.GetRequiredService<OrganizationService>().List().Single(o => o.Name == "Coastal fact-checkers"));
        Assert.Equal(TrustTier.Outreach, org.Tier);
        Assert.Contains($"Registered Coastal fact-checkers (outreach) as {org.Id}", body, StringComparison.Ordinal);
        Assert.NotNull(fixture.Use(sp => sp.GetRequiredService<IStixStore>().GetLatest(org.Id)));
        Assert.Contains(fixture.Audit(new AuditFilter { ObjectId = org.Id, Action = AuditActions.OrganizationChange, Allowed = true }), r => r.Reason!.Contains("registered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrganizationCreate_EmptyNameBadTierAndTakenId_SaysEachAtItsFieldAndRegistersNothing()
    {
        using var admin = await AdminAsync();
        var before = fixture.Use(sp => sp.GetRequiredService<OrganizationService>().List().Count);

        var response = await admin.PostFormAsync("admin/organizations", "org-create", new() { ["Org.Name"] = " ", ["Org.Tier"] = "vip", ["Org.IdentityId"] = UiNode.PartnerOrg });
        var body = await BodyOf(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"org-create-name-error\"", body, StringComparison.Ordinal);
        Assert.Contains("'vip' is not a tier", body, StringComparison.Ordinal);
        Assert.Contains($"organisation {UiNode.PartnerOrg} is already registered", body, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"org-create-identityId-hint org-create-identityId-error\"", body, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Use(sp => sp.GetRequiredService<OrganizationService>().List().Count));
    }

    [Fact]
    public async Task OrganizationCreate_DuplicateName_Is409AtTheNameField()
    {
        using var admin = await AdminAsync();

        var response = await admin.PostFormAsync("admin/organizations", "org-create", new() { ["Org.Name"] = "partner NEWSROOM", ["Org.Tier"] = "member" });
        var body = await BodyOf(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("an organisation named 'Partner newsroom' is already registered", body, StringComparison.Ordinal);
        Assert.Single(fixture.Use(sp => sp.GetRequiredService<OrganizationService>().List().Where(o => o.Name.Equals("Partner newsroom", StringComparison.OrdinalIgnoreCase)).ToList()));
    }

    [Fact]
    public async Task OrganizationEdit_RenameTierClientAndGroup_AreSavedAndBadGroupRefused()
    {
        using var admin = await AdminAsync();
        var org = fixture.Use(sp => sp.GetRequiredService<OrganizationService>().Register(Principal.System, "identity--" + Guid.NewGuid().ToString("D"), "Old name", TrustTier.Member));
        var path = $"admin/organizations/{org.Id}";

        var edit = await admin.PostFormAsync(path, "org-edit", new() { ["Org.Name"] = "New name", ["Org.Tier"] = "partner" });
        var client = await admin.PostFormAsync(path, "client-add", new() { ["Client.Value"] = UiNode.PartnerOrg });
        var group = await admin.PostFormAsync(path, "group-join", new() { ["Group.Value"] = "election-cell" });
        var badGroup = await admin.PostFormAsync(path, "group-join", new() { ["Group.Value"] = "everyone" });
        var unknownClient = await admin.PostFormAsync(path, "client-add", new() { ["Client.Value"] = "identity--00000000-0000-4000-8000-0000000000ff" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (edit.StatusCode, client.StatusCode, group.StatusCode));
        var saved = fixture.Use(sp => sp.GetRequiredService<OrganizationService>().Get(org.Id))!;
        Assert.Equal(("New name", TrustTier.Partner), (saved.Name, saved.Tier));
        Assert.Equal([UiNode.PartnerOrg], fixture.Use(sp => sp.GetRequiredService<OrganizationService>().ClientsOf(org.Id)));
        Assert.Equal(["election-cell"], fixture.Use(sp => sp.GetRequiredService<OrganizationService>().GroupsOf(org.Id)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badGroup.StatusCode);
        Assert.Contains("'everyone' is a built-in group", await BodyOf(badGroup), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownClient.StatusCode);
        Assert.Contains("id=\"client-add-value-error\"", await BodyOf(unknownClient), StringComparison.Ordinal);

        var removed = await admin.PostFormAsync(path, $"client-remove-{UiNode.PartnerOrg}", []);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty(fixture.Use(sp => sp.GetRequiredService<OrganizationService>().ClientsOf(org.Id)));
    }

    [Fact]
    public async Task OrganizationPage_UnknownId_Is404()
    {
        using var admin = await AdminAsync();

        var response = await admin.GetAsync("admin/organizations/identity--00000000-0000-4000-8000-0000000000fe");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UserCreate_ShortPasswordMismatchAndTakenName_SaysEachAndCreatesNothing()
    {
        using var admin = await AdminAsync();

        var response = await admin.PostFormAsync("admin/users", "user-create", new()
        {
            ["User.Name"] = "partner", ["User.OrganizationId"] = "identity--00000000-0000-4000-8000-0000000000fd", ["User.Role"] = "boss",
            ["User.Password"] = "short", ["User.Confirm"] = "other",
        });
        var body = await BodyOf(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("a user named 'partner' already exists", body, StringComparison.Ordinal);
        Assert.Contains("is not registered", body, StringComparison.Ordinal);
        Assert.Contains("'boss' is not a role", body, StringComparison.Ordinal);
        Assert.Contains($"at least {UserService.MinimumPasswordLength} characters", body, StringComparison.Ordinal);
        Assert.Contains("does not match the password", body, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", body, StringComparison.Ordinal);
        Assert.Single(fixture.Use(sp => sp.GetRequiredService<UserService>().List().Where(u => u.Name == "partner").ToList()));
    }

    [Fact]
    public async Task UserPage_RolePasswordDisable_ChangeTheUserAndTheNewPasswordSignsIn()
    {
        using var admin = await AdminAsync();
        var user = fixture.Use(sp => sp.GetRequiredService<UserService>().Create(Principal.System, "rotating", UiNode.PartnerOrg, Role.Reader, UiNode.Password));
        var path = $"admin/users/{user.Id}";

        var role = await admin.PostFormAsync(path, "user-role", new() { ["Role.Role"] = "partner" });
        var password = await admin.PostFormAsync(path, "user-password", new() { ["Password.Password"] = "a-new-password-2026", ["Password.Confirm"] = "a-new-password-2026" });
        using var rotating = new UiClient(Node.BaseAddress);
        var signIn = await rotating.SignInAsync("rotating", "a-new-password-2026");
        var disable = await admin.PostFormAsync(path, "user-state", []);
        var afterDisable = await new UiClient(Node.BaseAddress).SignInAsync("rotating", "a-new-password-2026");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (role.StatusCode, password.StatusCode, disable.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, afterDisable.StatusCode);
        var saved = fixture.Use(sp => sp.GetRequiredService<UserService>().Get(user.Id))!;
        Assert.Equal(("partner", true), (saved.Role, saved.Disabled));
        Assert.Equal(3, fixture.Audit(new AuditFilter { ObjectId = user.Id, Action = AuditActions.UserChange, Allowed = true }).Count(r => r.UserId != "system"));
    }

    [Fact]
    public async Task UserPage_OwnRoleOrState_IsRefusedSoNobodyLocksThemselvesOut()
    {
        using var admin = await AdminAsync();
        var me = fixture.Use(sp => sp.GetRequiredService<UserService>().GetByName("admin"))!;

        var page = await admin.GetPageAsync($"admin/users/{me.Id}");
        var disable = await admin.PostFormAsync($"admin/users/{me.Id}", "user-state", [], tokenFrom: "admin");

        Assert.DoesNotContain("Disable user", page, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, disable.StatusCode);
        Assert.False(fixture.Use(sp => sp.GetRequiredService<UserService>().Get(me.Id))!.Disabled);
    }

    [Fact]
    public async Task TokenCreate_ShowsTheSecretOnceWithNoStore_ThenRevokeWorks()
    {
        using var admin = await AdminAsync();
        var user = fixture.Use(sp => sp.GetRequiredService<UserService>().Create(Principal.System, "scripted", UiNode.PartnerOrg, Role.Reader, null));
        var path = $"admin/users/{user.Id}";

        var created = await admin.PostFormAsync(path, "token-create", new() { ["Token.Name"] = "taxii client", ["Token.Days"] = "30" });
        var body = await BodyOf(created);
        var secret = System.Text.RegularExpressions.Regex.Match(body, "id=\"token-secret\"[^>]*>(?<s>rpt_[^<]+)<").Groups["s"].Value;
        var later = await admin.GetPageAsync(path);
        var token = fixture.Use(sp => sp.GetRequiredService<TokenService>().List(user.Id)).Single();
        var revoked = await admin.PostFormAsync(path, $"token-revoke-{token.Id}", []);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.StartsWith("rpt_", secret, StringComparison.Ordinal);
        Assert.Contains("no-store", created.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
        Assert.InRange(token.Expires!.Value, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotNull(fixture.Use(sp => sp.GetRequiredService<TokenService>().List(user.Id)).Single().Revoked);
    }

    [Fact]
    public async Task TokenCreate_BadDaysAndNoName_AreRefusedAtTheFields()
    {
        using var admin = await AdminAsync();

        var response = await admin.PostFormAsync($"admin/users/{fixture.PartnerUserId}", "token-create", new() { ["Token.Name"] = "", ["Token.Days"] = "-3" });
        var body = await BodyOf(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"token-create-name-error\"", body, StringComparison.Ordinal);
        Assert.Contains("'-3' is not a number of days", body, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"token-secret\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationAdmin_SeesAndManagesOnlyTheirOwnUsers()
    {
        using var partnerAdmin = await UiClient.SignedInAsync(Node.BaseAddress, AdminNodeFixture.PartnerAdmin);

        var list = await partnerAdmin.GetPageAsync("admin/users");
        var other = await partnerAdmin.GetAsync($"admin/users/{fixture.AnalystUserId}");
        var own = await partnerAdmin.GetAsync($"admin/users/{fixture.PartnerUserId}");
        var intoNodeOrg = await partnerAdmin.PostFormAsync("admin/users", "user-create", new()
        {
            ["User.Name"] = "smuggled", ["User.OrganizationId"] = Node.NodeOrg, ["User.Role"] = "admin",
        });

        Assert.Contains($"admin/users/{fixture.PartnerUserId}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"admin/users/{fixture.AnalystUserId}", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, intoNodeOrg.StatusCode);
        Assert.Null(fixture.Use(sp => sp.GetRequiredService<UserService>().GetByName("smuggled")));
    }

    [Fact]
    public async Task Collection_CreateGrantRevoke_AndBadInputRefused()
    {
        using var admin = await AdminAsync();

        var badId = await admin.PostFormAsync("admin/collections", "collection-create", new() { ["Collection.Title"] = "Bad", ["Collection.Id"] = "not-a-uuid" });
        var created = await admin.PostFormAsync("admin/collections", "collection-create", new() { ["Collection.Title"] = "Election cell", ["Collection.Description"] = "for the cell" });
        var id = fixture.Use(sp => sp.GetRequiredService<CollectionService>().List().Single(c => c.Title == "Election cell").Id);
        var path = $"admin/collections/{id}";
        var noRights = await admin.PostFormAsync(path, "grant", new() { ["Grant.Grantee"] = $"organization:{UiNode.PartnerOrg}" });
        var granted = await admin.PostFormAsync(path, "grant", new() { ["Grant.Grantee"] = $"organization:{UiNode.PartnerOrg}", ["Grant.Read"] = "true", ["Grant.Write"] = "true" });
        var grants = fixture.Use(sp => sp.GetRequiredService<CollectionService>().ListGrants(id));
        var revoked = await admin.PostFormAsync(path, $"grant-revoke-organization:{UiNode.PartnerOrg}", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badId.StatusCode);
        Assert.Contains("'not-a-uuid' is not a collection id", await BodyOf(badId), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Use(sp => sp.GetRequiredService<CollectionService>().List()), c => c.Title == "Bad");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noRights.StatusCode);
        Assert.Contains("choose read, write or both", await BodyOf(noRights), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal([new CollectionGrant(id, GranteeKind.Organization, UiNode.PartnerOrg, true, true)], grants);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Empty(fixture.Use(sp => sp.GetRequiredService<CollectionService>().ListGrants(id)));
    }

    [Fact]
    public async Task Peer_AddEditRemove_StoresTheTokenEncryptedAndShowsStatus()
    {
        using var admin = await AdminAsync();
        const string token = "rpt_peer-secret-never-shown";

        var badAdd = await admin.PostFormAsync("admin/peers", "peer-add", new()
        {
            ["Peer.Name"] = "bad name!", ["Peer.Url"] = "ftp://x", ["Peer.OrganizationId"] = UiNode.PartnerOrg, ["Peer.Token"] = "", ["Peer.OutMax"] = "purple", ["Peer.InMax"] = "green",
        });
        var added = await admin.PostFormAsync("admin/peers", "peer-add", new()
        {
            ["Peer.Name"] = "harbour", ["Peer.Url"] = "http://127.0.0.1:9/ignored/path", ["Peer.OrganizationId"] = UiNode.PartnerOrg, ["Peer.Token"] = token,
            ["Peer.OutMax"] = "green", ["Peer.InMax"] = "amber", ["Peer.Out"] = fixture.CollectionId,
        });
        var stored = fixture.Use(sp => sp.GetRequiredService<PeerService>().Get("harbour"))!;
        var page = await admin.GetPageAsync("admin/peers/harbour");
        var edited = await admin.PostFormAsync("admin/peers/harbour", "peer-edit", new()
        {
            ["Peer.Url"] = "http://127.0.0.1:9", ["Peer.OrganizationId"] = UiNode.PartnerOrg, ["Peer.OutMax"] = "clear", ["Peer.InMax"] = "green", ["Peer.In"] = fixture.CollectionId,
        });
        var changed = fixture.Use(sp => sp.GetRequiredService<PeerService>().Get("harbour"))!;
        var removed = await admin.PostFormAsync("admin/peers/harbour", "peer-remove", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badAdd.StatusCode);
        var bad = await BodyOf(badAdd);
        Assert.Contains("id=\"peer-add-token-error\"", bad, StringComparison.Ordinal);
        Assert.Contains("'purple' is not a TLP level", bad, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("http://127.0.0.1:9", stored.Url);
        Assert.Equal([fixture.CollectionId], stored.OutCollections);
        Assert.DoesNotContain(token, stored.ProtectedToken, StringComparison.Ordinal);
        Assert.DoesNotContain(token, page + await BodyOf(added), StringComparison.Ordinal);
        Assert.Contains("Last contact", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal((Riposte.Stix.Markings.TlpLevel.Clear, 0, 1, stored.ProtectedToken), (changed.OutMax, changed.OutCollections.Count, changed.InCollections.Count, changed.ProtectedToken));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(fixture.Use(sp => sp.GetRequiredService<PeerService>().Get("harbour")));
        Assert.Equal(3, fixture.Audit(new AuditFilter { ObjectId = "harbour", Action = AuditActions.PeerChange, Allowed = true }).Count);
    }

    [Fact]
    public async Task PeerAdd_UnknownCollection_IsRefusedAtTheCollectionsField()
    {
        using var admin = await AdminAsync();

        var response = await admin.PostFormAsync("admin/peers", "peer-add", new()
        {
            ["Peer.Name"] = "nowhere", ["Peer.Url"] = "https://peer.example", ["Peer.OrganizationId"] = UiNode.PartnerOrg, ["Peer.Token"] = "rpt_x",
            ["Peer.OutMax"] = "green", ["Peer.InMax"] = "green", ["Peer.In"] = "00000000-0000-4000-8000-000000000abc",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"peer-add-in-error\"", await BodyOf(response), StringComparison.Ordinal);
        Assert.Null(fixture.Use(sp => sp.GetRequiredService<PeerService>().Get("nowhere")));
    }
}
