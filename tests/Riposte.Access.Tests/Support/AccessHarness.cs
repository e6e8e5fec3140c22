using Microsoft.Extensions.Options;
using Riposte.Access.Audit;
using Riposte.Access.Credentials;
using Riposte.Access.Directory;
using Riposte.Storage.Access;

namespace Riposte.Access.Tests.Support;

/// <summary>
/// A node wired as in production over a real database (SQLite file or PostgreSQL), with the organisations the rules talk
/// about: the node's own, a creator, a client of the creator, another member, a partner, an outreach
/// organisation and a named recipient.
/// </summary>
internal sealed class AccessHarness : IDisposable
{
    public const string NodeOrg = "identity--00000000-0000-4000-8000-000000000001";
    public const string CreatorOrg = "identity--00000000-0000-4000-8000-0000000000c1";
    public const string ClientOrg = "identity--00000000-0000-4000-8000-0000000000c2";
    public const string MemberOrg = "identity--00000000-0000-4000-8000-0000000000c3";
    public const string PartnerOrg = "identity--00000000-0000-4000-8000-0000000000c4";
    public const string OutreachOrg = "identity--00000000-0000-4000-8000-0000000000c5";
    public const string RecipientOrg = "identity--00000000-0000-4000-8000-0000000000c6";

    /// <summary>Not registered on this node.</summary>
    public const string UnrelatedOrg = "identity--00000000-0000-4000-8000-0000000000c7";

    public AccessHarness(Action<AccessOptions>? configure = null, bool seed = true, TestProvider provider = TestProvider.Sqlite)
    {
        Database = AccessTestDatabase.Create(provider);
        var options = new AccessOptions { NodeOrganizationId = NodeOrg, PasswordIterations = 1_000 };
        configure?.Invoke(options);
        Options = Microsoft.Extensions.Options.Options.Create(options);
        Repositories = Database.Repositories;
        Repositories.Migrate();
        Directory = new AccessDirectory(Repositories, Options, Time);
        Audit = new AuditLog(Repositories, Time);
        Guard = new AdminGuard(Audit, Request, Options);
        Organizations = new OrganizationService(Repositories, Directory, Guard, Time);
        Users = new UserService(Repositories, Guard, Options, Time);
        Tokens = new TokenService(Repositories, Guard, Time);
        Collections = new CollectionService(Repositories, Directory, Guard, Options, Time);
        Authenticator = new Authenticator(Repositories, new VerifiedPasswordCache(Options, Time), Audit, Request, Time);
        if (seed)
            Seed();
    }

    public AccessTestDatabase Database { get; }
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    public AccessRequestContext Request { get; } = new() { RemoteAddress = "192.0.2.10" };
    public InMemoryStixStore Store { get; } = new();
    public IOptions<AccessOptions> Options { get; }
    public IAccessRepositories Repositories { get; }
    public AccessDirectory Directory { get; }
    public AuditLog Audit { get; }
    public AdminGuard Guard { get; }
    public OrganizationService Organizations { get; }
    public UserService Users { get; }
    public TokenService Tokens { get; }
    public CollectionService Collections { get; }
    public Authenticator Authenticator { get; }

    /// <summary>A fresh gate, as each request gets.</summary>
    public AccessGate Gate() => new(Store, Directory, Options, Audit, Request);

    public static Principal User(string org, Role role = Role.Analyst) => new("user--" + org[^4..] + "-" + role, org, role);

    private void Seed()
    {
        var system = Principal.System;
        Organizations.Register(system, NodeOrg, "Node focal point", TrustTier.Member);
        Organizations.Register(system, CreatorOrg, "Creator ministry", TrustTier.Member);
        Organizations.Register(system, ClientOrg, "Creator's client agency", TrustTier.Member);
        Organizations.Register(system, MemberOrg, "Another member", TrustTier.Member);
        Organizations.Register(system, PartnerOrg, "Partner organisation", TrustTier.Partner);
        Organizations.Register(system, OutreachOrg, "Outreach NGO", TrustTier.Outreach);
        Organizations.Register(system, RecipientOrg, "Named recipient", TrustTier.Partner);
        Organizations.AddClient(system, CreatorOrg, ClientOrg);
    }

    public void Dispose()
    {
        Audit.Dispose();
        Database.Dispose();
    }
}
