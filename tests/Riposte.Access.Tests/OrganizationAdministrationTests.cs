using Riposte.Access.Audit;
using Riposte.Access.Tests.Support;
using Riposte.Stix.Markings;
using Riposte.Storage;
using Riposte.Storage.Access;
using Riposte.Storage.Sqlite;

namespace Riposte.Access.Tests;

/// <summary>Onboarding, renaming and the read-outs the admin pages use; who may not, and what is written when refused.</summary>
public sealed class OrganizationAdministrationTests
{
    private static readonly Principal NodeAdmin = new("user--node-admin", AccessHarness.NodeOrg, Role.Admin);
    private static readonly Principal PartnerAdmin = new("user--partner-admin", AccessHarness.PartnerOrg, Role.Admin);

    /// <summary>A real store in the harness's database file, as a node keeps both.</summary>
    private static IStixStore StoreOf(AccessHarness node)
    {
        var store = new SqliteStixStore(node.Database.Path);
        store.Migrate();
        return store;
    }

    [Fact]
    public void Onboard_NoIdentityGiven_StoresAGreenIdentityAndRegistersIt()
    {
        using var node = new AccessHarness();
        using var store = StoreOf(node);
        var onboarding = new OrganizationOnboarding(node.Organizations, store, node.Guard, node.Time);

        var record = onboarding.Onboard(NodeAdmin, "  Harbour watch ", TrustTier.Outreach);

        var identity = store.GetLatest(record.Id)!.Object;
        Assert.Equal(("Harbour watch", TrustTier.Outreach), (record.Name, record.Tier));
        Assert.Equal("identity", identity.Type);
        Assert.Equal("Harbour watch", identity.Json["name"]!.GetValue<string>());
        Assert.Equal(TlpMarkings.GreenId, identity.Json["object_marking_refs"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Onboard_DuplicateNameIgnoringCase_IsRefusedAndNoIdentityIsStored()
    {
        using var node = new AccessHarness();
        using var store = StoreOf(node);
        var onboarding = new OrganizationOnboarding(node.Organizations, store, node.Guard, node.Time);
        var before = node.Organizations.List().Count;

        var e = Assert.Throws<InvalidOperationException>(() => onboarding.Onboard(NodeAdmin, "outreach ngo", TrustTier.Member));

        Assert.Contains("'Outreach NGO' is already registered", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, node.Organizations.List().Count);
        Assert.Empty(store.Query(new StixQuery { Types = ["identity"] }));
    }

    [Fact]
    public void Onboard_AdminOfAnotherOrganisation_IsRefusedAuditedAndWritesNothing()
    {
        using var node = new AccessHarness();
        using var store = StoreOf(node);
        var onboarding = new OrganizationOnboarding(node.Organizations, store, node.Guard, node.Time);

        Assert.Throws<UnauthorizedAccessException>(() => onboarding.Onboard(PartnerAdmin, "Sneaky", TrustTier.Member));

        Assert.DoesNotContain(node.Organizations.List(), o => o.Name == "Sneaky");
        Assert.Empty(store.Query(new StixQuery { Types = ["identity"] }));
        Assert.Single(node.Audit.Query(new AuditFilter { UserId = PartnerAdmin.UserId, Action = AuditActions.OrganizationChange, Allowed = false }));
    }

    [Fact]
    public void Rename_NodeAdmin_ChangesTheNameAndAudits()
    {
        using var node = new AccessHarness();

        var renamed = node.Organizations.Rename(NodeAdmin, AccessHarness.PartnerOrg, " Partner newsroom ");

        Assert.Equal("Partner newsroom", renamed.Name);
        Assert.Equal("Partner newsroom", node.Organizations.Get(AccessHarness.PartnerOrg)!.Name);
        Assert.Contains(node.Audit.Query(new AuditFilter { ObjectId = AccessHarness.PartnerOrg, Allowed = true }), r => r.Reason!.StartsWith("renamed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Rename_EmptyName_IsRefused(string name)
    {
        using var node = new AccessHarness();

        var e = Assert.Throws<ArgumentException>(() => node.Organizations.Rename(NodeAdmin, AccessHarness.PartnerOrg, name));

        Assert.Equal("name", e.ParamName);
        Assert.Equal("Partner organisation", node.Organizations.Get(AccessHarness.PartnerOrg)!.Name);
    }

    [Fact]
    public void Rename_UnknownOrNotNodeAdmin_IsRefused()
    {
        using var node = new AccessHarness();

        Assert.Throws<KeyNotFoundException>(() => node.Organizations.Rename(NodeAdmin, AccessHarness.UnrelatedOrg, "Anything"));
        Assert.Throws<UnauthorizedAccessException>(() => node.Organizations.Rename(PartnerAdmin, AccessHarness.PartnerOrg, "Self-promoted"));
        Assert.Equal("Partner organisation", node.Organizations.Get(AccessHarness.PartnerOrg)!.Name);
    }

    [Fact]
    public void ClientsOfAndGroupsOf_ListWhatWasRegistered()
    {
        using var node = new AccessHarness();
        node.Organizations.AddToGroup(NodeAdmin, "election-cell", AccessHarness.MemberOrg);
        node.Organizations.AddToGroup(NodeAdmin, "coast", AccessHarness.MemberOrg);

        Assert.Equal([AccessHarness.ClientOrg], node.Organizations.ClientsOf(AccessHarness.CreatorOrg));
        Assert.Empty(node.Organizations.ClientsOf(AccessHarness.ClientOrg));
        Assert.Equal(["coast", "election-cell"], node.Organizations.GroupsOf(AccessHarness.MemberOrg));
        Assert.Equal(["coast", "election-cell"], node.Organizations.NamedGroups());
    }
}
