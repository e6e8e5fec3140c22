using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Access.Directory;
using Riposte.Federation.Sync;
using Riposte.Stix.Markings;
using Riposte.Storage;
using Riposte.Storage.Access;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Loopback;

/// <summary>
/// Several nodes that know each other: on every node, every other node's organisation is a member,
/// with a user and token for it; the shared collection has the same id everywhere.
/// </summary>
public sealed class Mesh : IAsyncDisposable
{
    public const string Shared = "6b2f0d4e-1c3a-4f5b-8e7d-0000000000f1";
    private readonly DirectoryInfo _folder;
    private readonly Dictionary<(string Host, string Guest), string> _tokens = [];

    private Mesh(DirectoryInfo folder, IReadOnlyList<LoopbackNode> nodes)
    {
        _folder = folder;
        Nodes = nodes;
    }

    public IReadOnlyList<LoopbackNode> Nodes { get; }
    public LoopbackNode this[string name] => Nodes.Single(n => n.Name == name);

    public static Task<Mesh> StartAsync(params string[] names) => StartAsync(LoopbackNode.TestTimings, names);

    /// <param name="prepare">Called on each node before it first starts (stream off, clock).</param>
    public static async Task<Mesh> StartAsync(Action<FederationOptions> tune, IEnumerable<string> names, Action<LoopbackNode>? prepare = null)
    {
        var folder = Directory.CreateTempSubdirectory("riposte-federation-");
        var mesh = new Mesh(folder, [.. names.Select(n => new LoopbackNode(n, folder.FullName, tune))]);
        foreach (var node in mesh.Nodes)
        {
            prepare?.Invoke(node);
            await node.StartAsync();
        }
        mesh.Seed();
        return mesh;
    }

    private void Seed()
    {
        foreach (var host in Nodes)
        {
            using var scope = host.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var orgs = sp.GetRequiredService<OrganizationService>();
            orgs.Register(Principal.System, host.OrganizationId, "Node " + host.Name, TrustTier.Member);
            var collections = sp.GetRequiredService<CollectionService>();
            collections.Create(Principal.System, "Shared", "federated", Shared);
            collections.Grant(Principal.System, Shared, GranteeKind.Group, BuiltInGroups.AllMembers, read: true, write: true);
            foreach (var guest in Nodes.Where(n => n != host))
            {
                orgs.Register(Principal.System, guest.OrganizationId, "Node " + guest.Name, TrustTier.Member);
                var user = sp.GetRequiredService<UserService>().Create(Principal.System, "node-" + guest.Name, guest.OrganizationId, Role.Analyst, null);
                _tokens[(host.Name, guest.Name)] = sp.GetRequiredService<TokenService>().Create(Principal.System, user.Id, "federation", null).Secret;
            }
        }
    }

    /// <summary>The API token <paramref name="host"/> issued for the user of <paramref name="guest"/>'s organisation there.</summary>
    public string Token(string host, string guest) => _tokens[(host, guest)];

    /// <summary>Makes <paramref name="client"/> a client of <paramref name="provider"/> on <paramref name="on"/> (TLP:AMBER reaches clients).</summary>
    public void AddClient(string on, string provider, string client)
    {
        using var scope = this[on].Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganizationService>().AddClient(Principal.System, this[provider].OrganizationId, this[client].OrganizationId);
    }

    /// <summary>An address nothing listens on: a peer registered with it cannot be pulled from (as behind a firewall), only pushed from.</summary>
    public const string Unreachable = "http://127.0.0.1:9";

    /// <summary>Registers on <paramref name="on"/> the peer <paramref name="remote"/>, with the token <paramref name="remote"/> issued for <paramref name="on"/>'s organisation.</summary>
    /// <param name="reachable">False: registered at <see cref="Unreachable"/>, so <paramref name="on"/> accepts what <paramref name="remote"/> pushes but cannot pull.</param>
    public void Peer(string on, string remote, TlpLevel outMax = TlpLevel.Amber, TlpLevel inMax = TlpLevel.Red, bool pull = true, bool send = true, bool push = false, bool reachable = true)
    {
        var node = this[on];
        var protector = node.Services.GetRequiredService<PeerTokenProtector>();
        var url = reachable ? this[remote].BaseAddress.GetLeftPart(UriPartial.Authority) : Unreachable;
        node.Federation.AddPeer(new PeerRecord(remote, url, this[remote].OrganizationId,
            protector.Protect(_tokens[(remote, on)]), send ? [Shared] : [], pull ? [Shared] : [], outMax, inMax, push, DateTimeOffset.UtcNow));
    }

    /// <summary>Every (id, version) a node holds in the shared collection.</summary>
    public static SortedSet<string> Versions(LoopbackNode node) =>
        new(node.Store.Query(new StixQuery { CollectionId = Shared, Versions = VersionFilter.All }).Select(s => s.Object.Id + "|" + s.Object.Version?.Text), StringComparer.Ordinal);

    public static string Digest(IEnumerable<string> versions) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", versions))));

    /// <summary>Waits until the condition holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> after the timeout.</summary>
    public static async Task Until(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("timed out waiting until " + what);
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
            await node.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a finaliser; the OS cleans temp folders
        }
    }
}
