using System.Globalization;
using System.Text;
using Riposte.Storage;
using Riposte.Web;

namespace Riposte.Cli.Tests.Postgres;

/// <summary>
/// Everything a node holds, as lines of text in a fixed order, so two databases compare object by object:
/// every STIX version (bytes, date_added, insertion order), collection memberships, access rows, the audit
/// chain, the federation log and TAXII statuses.
/// </summary>
internal static class NodeSnapshot
{
    public static List<string> Of(string db, IReadOnlyList<string> statusIds)
    {
        var lines = new List<string>();
        var tables = NodeDatabases.For(db);
        using (var store = StixStores.Open(db))
        {
            foreach (var stored in store.Query(new StixQuery { Versions = VersionFilter.All }))
                lines.Add($"stix {stored.Object.Id} {stored.Object.Version?.Text} {Micro(stored.DateAdded)} {Encoding.UTF8.GetString(stored.Object.ToUtf8Json().Span)}");
            var access = tables.OpenAccess(db);
            foreach (var collection in access.Collections.List())
            {
                lines.Add($"collection {collection}");
                lines.AddRange(store.Query(new StixQuery { CollectionId = collection.Id, Versions = VersionFilter.All })
                    .Select(s => $"member {collection.Id} {s.Object.Id} {s.Object.Version?.Text}"));
            }
            lines.AddRange(access.Organizations.List().Select(o => $"org {o}"));
            lines.AddRange(access.Organizations.ListClients().Select(c => $"client {c}"));
            lines.AddRange(access.Organizations.ListGroupMembers().Select(g => $"group {g}"));
            foreach (var user in access.Users.List())
            {
                lines.Add($"user {user}");
                lines.AddRange(access.Tokens.ListForUser(user.Id).Select(t => $"token {t}"));
            }
            lines.AddRange(access.Collections.ListGrants().OrderBy(g => g.CollectionId + g.Grantee, StringComparer.Ordinal).Select(g => $"grant {g}"));
            lines.AddRange(access.Audit.ReadAll().Select(a => $"audit {a}"));
        }
        var federation = tables.OpenFederation(db);
        lines.Add($"node {federation.NodeId()}");
        foreach (var peer in federation.ListPeers())
        {
            lines.Add($"peer {peer.Name} {peer.Url} {peer.ProtectedToken} {string.Join(',', peer.OutCollections)} {peer.OutMax}");
            lines.Add($"cursor {federation.GetCursor(peer.Name, "stream")}");
            lines.Add($"status {federation.GetStatus(peer.Name)}");
        }
        lines.AddRange(federation.TombstonesAfter(0, 1000).Select(t => $"change {t}"));
        var statuses = tables.OpenTaxiiStatus(db);
        lines.AddRange(statusIds.Select(id => statuses.Get(id) is { } s
            ? $"taxii {s.Id} {s.OwnerUserId} {s.CollectionId} {At(s.RequestTimestamp)} {string.Join(',', s.Successes.Select(d => d.Id))} {string.Join(',', s.Failures.Select(d => d.Id + ":" + d.Message))}"
            : $"taxii {id} missing"));
        return lines;
    }

    // PostgreSQL's timestamptz keeps date_added to the microsecond (SQLite to the tick): compare what both keep.
    private static string Micro(DateTimeOffset at) => At(at.AddTicks(-(at.UtcTicks % 10)));

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
