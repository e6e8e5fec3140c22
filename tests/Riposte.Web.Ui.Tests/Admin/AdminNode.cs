using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Federation.Peers;
using Riposte.Stix.Markings;
using Riposte.Storage.Access;
using Riposte.Web.Ui.Tests.Support;

namespace Riposte.Web.Ui.Tests.Admin;

/// <summary>
/// A UI node plus what the admin tests need: an admin of the partner organisation (who manages only its
/// users), a collection and a peer to aim the handlers at.
/// </summary>
public sealed class AdminNodeFixture : IAsyncLifetime
{
    public const string PartnerAdmin = "partner-admin";
    public const string PeerName = "fixture-peer";

    public UiNode Node { get; private set; } = default!;
    public string CollectionId { get; private set; } = "";
    public string PartnerUserId { get; private set; } = "";
    public string AnalystUserId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Node = await UiNode.StartAsync();
        using var scope = Node.Services.CreateScope();
        var users = Node.Get<UserService>(scope);
        users.Create(Principal.System, PartnerAdmin, UiNode.PartnerOrg, Role.Admin, UiNode.Password);
        PartnerUserId = users.GetByName("partner")!.Id;
        AnalystUserId = users.GetByName("analyst")!.Id;
        CollectionId = Node.Get<CollectionService>(scope).Create(Principal.System, "Fixture collection").Id;
        Node.Get<PeerService>(scope).Add(Principal.System, new PeerAgreementInput(PeerName, "http://127.0.0.1:9", UiNode.PartnerOrg, "rpt_fixture-peer-token",
            [CollectionId], [], TlpLevel.Green, TlpLevel.Green, Push: false));
    }

    public T Use<T>(Func<IServiceProvider, T> read)
    {
        using var scope = Node.Services.CreateScope();
        return read(scope.ServiceProvider);
    }

    public IReadOnlyList<AuditRecord> Audit(AuditFilter filter) =>
        Use(sp => sp.GetRequiredService<Riposte.Access.Audit.IAuditLog>().Query(filter));

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}
