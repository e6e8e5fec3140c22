using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Access.Audit;
using Riposte.Federation.Peers;
using Riposte.Federation.Sync;
using Riposte.Stix.Markings;
using Riposte.Storage;
using Riposte.Storage.Access;
using Riposte.Storage.Sqlite.Federation;
using Riposte.Web;

namespace Riposte.Federation.Tests;

/// <summary>The peer service the command line and the admin pages share: node admins only, checked before anything is stored, audited.</summary>
public sealed class PeerServiceTests : IDisposable
{
    private const string PeerOrg = "identity--00000000-0000-4000-8000-00000000bb01";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "riposte-peer-service-" + Guid.NewGuid().ToString("N"));
    private readonly IStixStore _store;
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;
    private readonly SqliteFederationRepository _federation;
    private readonly PeerTokenProtector _tokens;
    private readonly PeerService _peers;
    private readonly string _collection;
    private readonly Principal _nodeAdmin;

    public PeerServiceTests()
    {
        Directory.CreateDirectory(_folder);
        var db = Path.Combine(_folder, "node.db");
        _store = new Riposte.Storage.Sqlite.SqliteStixStore(db);
        _store.Migrate();
        _services = NodeServices.BuildForCommandLine(db, _store);
        _scope = _services.CreateScope();
        var sp = _scope.ServiceProvider;
        var nodeOrg = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessOptions>>().Value.NodeOrganizationId!;
        sp.GetRequiredService<OrganizationService>().Register(Principal.System, nodeOrg, "Node", TrustTier.Member);
        sp.GetRequiredService<OrganizationService>().Register(Principal.System, PeerOrg, "Peer ministry", TrustTier.Member);
        _nodeAdmin = new Principal("user--node-admin", nodeOrg, Role.Admin);
        _collection = sp.GetRequiredService<CollectionService>().Create(Principal.System, "Shared").Id;
        _federation = SqliteFederationRepository.ForFile(db);
        _federation.Migrate();
        _tokens = PeerTokenProtector.ForKeys(Path.Combine(_folder, "keys"));
        _peers = new PeerService(_federation, _tokens, sp.GetRequiredService<OrganizationService>(), sp.GetRequiredService<CollectionService>(),
            sp.GetRequiredService<AdminGuard>(), TimeProvider.System);
    }

    private PeerAgreementInput Input(string name = "partner", string url = "https://peer.example/taxii2/", string org = PeerOrg, string? token = "rpt_secret",
        string[]? outbound = null, string[]? inbound = null) =>
        new(name, url, org, token, outbound ?? [_collection], inbound ?? [], TlpLevel.Green, TlpLevel.Amber, Push: false);

    [Fact]
    public void Add_NodeAdmin_StoresTheAgreementWithTheTokenEncryptedAndAudits()
    {
        var added = _peers.Add(_nodeAdmin, Input());

        var stored = _federation.GetPeer("partner")!;
        Assert.Equal("https://peer.example", stored.Url);
        Assert.Equal([_collection], stored.OutCollections);
        Assert.DoesNotContain("rpt_secret", stored.ProtectedToken, StringComparison.Ordinal);
        Assert.Equal("rpt_secret", _tokens.Unprotect("partner", stored.ProtectedToken));
        Assert.Equal(added.Created, stored.Created);
        Assert.Single(Audit(_nodeAdmin.UserId, allowed: true));
    }

    [Theory]
    [InlineData("bad name", "https://peer.example", PeerOrg, "rpt_x", "Name")]
    [InlineData("partner", "ftp://peer.example", PeerOrg, "rpt_x", "Url")]
    [InlineData("partner", "https://peer.example", "identity--00000000-0000-4000-8000-00000000ffff", "rpt_x", "OrganizationId")]
    [InlineData("partner", "https://peer.example", PeerOrg, " ", "Token")]
    public void Add_BadField_SaysWhichAndStoresNothing(string name, string url, string org, string token, string field)
    {
        var e = Assert.Throws<ArgumentException>(() => _peers.Add(_nodeAdmin, Input(name, url, org, token)));

        Assert.Equal(field, e.ParamName);
        Assert.Empty(_federation.ListPeers());
    }

    [Fact]
    public void Add_UnknownCollection_IsRefusedAtTheCollections()
    {
        var e = Assert.Throws<ArgumentException>(() => _peers.Add(_nodeAdmin, Input(inbound: ["00000000-0000-4000-8000-000000000abc"])));

        Assert.Equal("InCollections", e.ParamName);
        Assert.Empty(_federation.ListPeers());
    }

    [Fact]
    public void Add_NameTaken_IsRefusedUnlessReplacing()
    {
        _peers.Add(_nodeAdmin, Input());

        Assert.Throws<InvalidOperationException>(() => _peers.Add(_nodeAdmin, Input(url: "https://other.example")));
        Assert.Equal("https://peer.example", _federation.GetPeer("partner")!.Url);
        _peers.Add(_nodeAdmin, Input(url: "https://other.example"), replace: true);
        Assert.Equal("https://other.example", _federation.GetPeer("partner")!.Url);
    }

    [Fact]
    public void Change_WithoutToken_KeepsTheStoredToken_WithOneReplacesIt()
    {
        _peers.Add(_nodeAdmin, Input());
        var first = _federation.GetPeer("partner")!.ProtectedToken;

        _peers.Change(_nodeAdmin, Input(token: null, outbound: [], inbound: [_collection]));
        var kept = _federation.GetPeer("partner")!;
        _peers.Change(_nodeAdmin, Input(token: "rpt_rotated"));

        Assert.Equal(first, kept.ProtectedToken);
        Assert.Empty(kept.OutCollections);
        Assert.Equal([_collection], kept.InCollections);
        Assert.Equal("rpt_rotated", _tokens.Unprotect("partner", _federation.GetPeer("partner")!.ProtectedToken));
    }

    [Fact]
    public void ChangeAndRemove_UnknownPeer_AreNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => _peers.Change(_nodeAdmin, Input(name: "nobody")));
        Assert.Throws<KeyNotFoundException>(() => _peers.Remove(_nodeAdmin, "nobody"));
    }

    [Theory]
    [InlineData(Role.Analyst, true)]
    [InlineData(Role.Admin, false)]
    public void AddChangeRemove_NotANodeAdmin_AreRefusedAuditedAndChangeNothing(Role role, bool ofNodeOrg)
    {
        _peers.Add(_nodeAdmin, Input());
        var before = Summary(_federation.GetPeer("partner")!);
        var actor = new Principal("user--someone", ofNodeOrg ? _nodeAdmin.OrganizationId : PeerOrg, role);

        Assert.Throws<UnauthorizedAccessException>(() => _peers.Add(actor, Input(name: "second")));
        Assert.Throws<UnauthorizedAccessException>(() => _peers.Change(actor, Input(url: "https://evil.example")));
        Assert.Throws<UnauthorizedAccessException>(() => _peers.Remove(actor, "partner"));

        Assert.Equal(before, Summary(_federation.GetPeer("partner")!));
        Assert.Single(_federation.ListPeers());
        Assert.Equal(3, Audit(actor.UserId, allowed: false).Count);
    }

    private static string Summary(Riposte.Storage.Federation.PeerRecord peer) =>
        $"{peer.Url} {peer.OrganizationId} {peer.ProtectedToken} {string.Join(",", peer.OutCollections)} {string.Join(",", peer.InCollections)} {peer.OutMax} {peer.InMax} {peer.Push}";

    private IReadOnlyList<AuditRecord> Audit(string userId, bool allowed) =>
        _scope.ServiceProvider.GetRequiredService<IAuditLog>().Query(new AuditFilter { UserId = userId, Action = AuditActions.PeerChange, Allowed = allowed });

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
        _store.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the OS cleans the temp folder.
        }
    }
}
