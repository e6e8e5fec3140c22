using Riposte.Access.Audit;
using Riposte.Access.Directory;
using Riposte.Access.Tests.Support;
using Riposte.Storage.Access;
using static Riposte.Access.Tests.Support.AccessHarness;

namespace Riposte.Access.Tests;

/// <summary>Rows C1–C5 of docs/access.md: collection grants.</summary>
public abstract class CollectionGrantTests : IDisposable
{
    private readonly AccessHarness _node;
    private readonly string _collection;

    protected CollectionGrantTests(TestProvider provider)
    {
        _node = new(provider: provider);
        _collection = _node.Collections.Create(Principal.System, "Election 2026", "shared assessments").Id;
    }

    public void Dispose() => _node.Dispose();

    [Fact]
    public void C1_NoGrant_CannotReadOrWriteOrSeeCollection()
    {
        var analyst = User(MemberOrg);
        var gate = _node.Gate();

        Assert.False(gate.CanReadCollection(analyst, _collection));
        Assert.False(gate.CanWriteCollection(analyst, _collection));
        Assert.Empty(_node.Collections.ListVisible(analyst));
        Assert.Null(_node.Collections.GetVisible(analyst, _collection));
    }

    [Fact]
    public void C2_OrganisationGrant_AppliesToThatOrganisationOnly()
    {
        _node.Collections.Grant(Principal.System, _collection, GranteeKind.Organization, PartnerOrg, read: true, write: false);
        var gate = _node.Gate();

        Assert.True(gate.CanReadCollection(User(PartnerOrg), _collection));
        Assert.False(gate.CanWriteCollection(User(PartnerOrg), _collection));
        Assert.False(gate.CanReadCollection(User(MemberOrg), _collection));
        Assert.Equal(_collection, Assert.Single(_node.Collections.ListVisible(User(PartnerOrg))).Id);
    }

    [Fact]
    public void C3_BuiltInGroupGrant_AppliesToEveryOrganisationOfThatTier()
    {
        _node.Collections.Grant(Principal.System, _collection, GranteeKind.Group, BuiltInGroups.AllMembers, read: true, write: true);
        var gate = _node.Gate();

        Assert.True(gate.CanWriteCollection(User(MemberOrg), _collection));
        Assert.True(gate.CanWriteCollection(User(ClientOrg), _collection));
        Assert.False(gate.CanReadCollection(User(PartnerOrg), _collection));
        Assert.False(gate.CanReadCollection(User(OutreachOrg), _collection));
        Assert.False(gate.CanReadCollection(User(UnrelatedOrg), _collection));
    }

    [Fact]
    public void C3_NamedGroupGrant_FollowsMembershipChanges()
    {
        _node.Collections.Grant(Principal.System, _collection, GranteeKind.Group, "election-cell", read: true, write: false);
        Assert.False(_node.Gate().CanReadCollection(User(OutreachOrg), _collection));

        _node.Organizations.AddToGroup(Principal.System, "election-cell", OutreachOrg);
        Assert.True(_node.Gate().CanReadCollection(User(OutreachOrg), _collection));

        _node.Organizations.RemoveFromGroup(Principal.System, "election-cell", OutreachOrg);
        Assert.False(_node.Gate().CanReadCollection(User(OutreachOrg), _collection));
    }

    [Fact]
    public void C4_ReaderRole_NeverWritesEvenWithWriteGrant()
    {
        _node.Collections.Grant(Principal.System, _collection, GranteeKind.Organization, MemberOrg, read: true, write: true);
        var gate = _node.Gate();

        Assert.False(gate.CanWriteCollection(User(MemberOrg, Role.Reader), _collection));
        Assert.True(gate.CanReadCollection(User(MemberOrg, Role.Reader), _collection));
        Assert.True(gate.CanWriteCollection(User(MemberOrg, Role.Partner), _collection));
    }

    [Fact]
    public void C4_RevokedGrant_NoLongerApplies()
    {
        _node.Collections.Grant(Principal.System, _collection, GranteeKind.Organization, MemberOrg, read: true, write: true);
        _node.Collections.Revoke(Principal.System, _collection, GranteeKind.Organization, MemberOrg);

        Assert.False(_node.Gate().CanReadCollection(User(MemberOrg), _collection));
    }

    [Fact]
    public void C5_WholeStore_RegisteredReadOnlyNodeAnalystsWrite()
    {
        var gate = _node.Gate();

        Assert.True(gate.CanReadCollection(User(OutreachOrg, Role.Reader), null));
        Assert.False(gate.CanReadCollection(User(UnrelatedOrg), null));
        Assert.True(gate.CanWriteCollection(User(NodeOrg, Role.Analyst), null));
        Assert.False(gate.CanWriteCollection(User(NodeOrg, Role.Reader), null));
        Assert.False(gate.CanWriteCollection(User(MemberOrg, Role.Admin), null));
        Assert.True(gate.CanWriteCollection(Principal.System, null));
    }

    [Fact]
    public void C5_UnknownCollection_Refused()
    {
        _node.Collections.Grant(Principal.System, _collection, GranteeKind.Group, BuiltInGroups.Everyone, read: true, write: true);

        Assert.False(_node.Gate().CanReadCollection(User(MemberOrg), Guid.NewGuid().ToString("D")));
    }

    [Fact]
    public void CanReadCollection_AnyDecision_IsAuditedWithRemoteAddress()
    {
        _node.Gate().CanReadCollection(User(MemberOrg), _collection);

        var entry = Assert.Single(_node.Audit.Query(new AuditFilter { Action = AuditActions.CollectionRead }));
        Assert.False(entry.Allowed);
        Assert.Equal(_collection, entry.CollectionId);
        Assert.Equal("192.0.2.10", entry.RemoteAddress);
        Assert.Contains("no read grant", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Grant_ByNonAdmin_RefusedAndAudited()
    {
        var memberAdmin = User(MemberOrg, Role.Admin);

        Assert.Throws<UnauthorizedAccessException>(() =>
            _node.Collections.Grant(memberAdmin, _collection, GranteeKind.Organization, MemberOrg, read: true, write: true));

        Assert.False(_node.Gate().CanReadCollection(User(MemberOrg), _collection));
        Assert.Contains(_node.Audit.Query(new AuditFilter { UserId = memberAdmin.UserId, Allowed = false }), e => e.Action == AuditActions.CollectionChange);
    }

    [Fact]
    public void Grant_ToBuiltInGroupAsNamedMembership_Refused()
    {
        Assert.Throws<ArgumentException>(() => _node.Organizations.AddToGroup(Principal.System, BuiltInGroups.AllMembers, OutreachOrg));
    }
}

public sealed class CollectionGrantTestsOnSqlite() : CollectionGrantTests(TestProvider.Sqlite);

public sealed class CollectionGrantTestsOnPostgres() : CollectionGrantTests(TestProvider.Postgres);
