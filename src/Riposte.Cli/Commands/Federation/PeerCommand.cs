using System.CommandLine;
using System.Globalization;
using Riposte.Access;
using Riposte.Federation.Peers;
using Riposte.Federation.Stream;
using Riposte.Federation.Sync;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;
using Riposte.Web;

namespace Riposte.Cli.Commands.Federation;

/// <summary><c>riposte peer …</c>: the nodes this node shares with, and what flows each way (see docs/federation.md).</summary>
public static class PeerCommand
{
    public const string TokenEnvironmentVariable = "RIPOSTE_PEER_TOKEN";

    public static Command Create(CliGlobals globals)
    {
        var command = new Command("peer", "Peer nodes: real-time sharing agreements (collections and markings, each way)");
        command.Subcommands.Add(Add(globals));
        command.Subcommands.Add(List(globals));
        command.Subcommands.Add(Remove(globals));
        command.Subcommands.Add(Status(globals));
        return command;
    }

    private static Command Add(CliGlobals globals)
    {
        var name = new Argument<string>("name") { Description = "A short local name for the peer" };
        var url = new Argument<string>("url") { Description = "The peer node's base address, e.g. https://riposte.partner.example" };
        var token = new Option<string?>("--token") { Description = $"The peer's API token for a user of OUR organisation there (or set ${TokenEnvironmentVariable}: a command-line argument is visible to other local users while it runs)" };
        var org = new Option<string>("--org") { Description = "The peer's organisation as registered on this node (identity--…): what the access gate judges at the border", Required = true };
        var outbound = new Option<string[]>("--out") { Description = "Collection ids that flow to the peer (repeat)", AllowMultipleArgumentsPerToken = true };
        var inbound = new Option<string[]>("--in") { Description = "Collection ids accepted from the peer (repeat)", AllowMultipleArgumentsPerToken = true };
        var outMax = new Option<TlpLevel>("--out-max") { Description = "Most restrictive TLP that may leave: clear, green, amber, amberstrict, red (RED and AMBER+STRICT also need the object to name the peer)", DefaultValueFactory = _ => TlpLevel.Amber };
        var inMax = new Option<TlpLevel>("--in-max") { Description = "Most restrictive TLP accepted from the peer", DefaultValueFactory = _ => TlpLevel.Amber };
        var push = new Option<bool>("--push") { Description = "Also push local writes to the peer as they happen (its federation push endpoint; TAXII POST/DELETE to a plain TAXII server)" };
        var replace = new Option<bool>("--replace") { Description = "Replace an existing peer of that name (its cursors are kept)" };
        var command = new Command("add", "Add a peer node and the agreement with it") { name, url, token, org, outbound, inbound, outMax, inMax, push, replace };
        command.SetAction(parse =>
        {
            var secret = parse.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenEnvironmentVariable);
            if (string.IsNullOrWhiteSpace(secret))
                throw new CliException($"peer add: give the peer's API token with --token or ${TokenEnvironmentVariable}");
            using var node = NodeSession.Open(globals, parse);
            var input = new PeerAgreementInput(parse.GetValue(name)!, parse.GetValue(url)!, parse.GetValue(org)!, secret,
                parse.GetValue(outbound) ?? [], parse.GetValue(inbound) ?? [], parse.GetValue(outMax), parse.GetValue(inMax), parse.GetValue(push));
            var record = Service(node).Add(Principal.System, input, parse.GetValue(replace));
            globals.Console.Out.MarkupLineInterpolated($"peer [bold]{record.Name}[/] at {record.Url}: out {record.OutCollections.Count} collection(s) up to {record.OutMax}, in {record.InCollections.Count} up to {record.InMax}{(record.Push ? ", push on write" : "")}; token stored encrypted");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliGlobals globals)
    {
        var command = new Command("list", "List peers and their agreements (tokens are never shown)");
        command.SetAction(parse =>
        {
            var table = new Table().AddColumns("name", "url", "organisation", "out", "out max", "in", "in max", "push");
            foreach (var peer in Repository(globals.DbPath(parse)).ListPeers())
            {
                table.AddRow(Markup.Escape(peer.Name), Markup.Escape(peer.Url), peer.OrganizationId, string.Join("\n", peer.OutCollections), peer.OutMax.ToString(),
                    string.Join("\n", peer.InCollections), peer.InMax.ToString(), peer.Push ? "yes" : "no");
            }
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(CliGlobals globals)
    {
        var name = new Argument<string>("name") { Description = "The peer's name" };
        var command = new Command("remove", "Remove a peer: its sync loop stops within seconds; what it sent stays") { name };
        command.SetAction(parse =>
        {
            var peer = parse.GetValue(name)!;
            using var node = NodeSession.Open(globals, parse);
            try
            {
                Service(node).Remove(Principal.System, peer);
            }
            catch (KeyNotFoundException)
            {
                throw new CliException($"peer remove: no peer named '{peer}'");
            }
            globals.Console.Out.MarkupLineInterpolated($"removed peer [bold]{peer}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status(CliGlobals globals)
    {
        var name = new Argument<string?>("name") { Description = "One peer (default: all)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "Sync state per peer: cursor, lag, last contact, counts, last error") { name };
        command.SetAction(parse =>
        {
            var federation = Repository(globals.DbPath(parse));
            var peers = federation.ListPeers().Where(p => parse.GetValue(name) is not { } only || p.Name == only).ToList();
            if (parse.GetValue(name) is { } wanted && peers.Count == 0)
                throw new CliException($"peer status: no peer named '{wanted}'");
            var table = new Table().AddColumns("peer", "cursor", "lag", "last contact", "applied", "rejected", "unchanged", "last error");
            foreach (var peer in peers)
            {
                var status = federation.GetStatus(peer.Name);
                table.AddRow(Markup.Escape(peer.Name), status.StreamCursor ?? "-", Lag(status.Lag), Time(status.LastContact),
                    status.Applied.ToString(CultureInfo.InvariantCulture), status.Rejected.ToString(CultureInfo.InvariantCulture), status.Unchanged.ToString(CultureInfo.InvariantCulture),
                    status.LastError is null ? "-" : Markup.Escape($"{Time(status.LastErrorAt)} {status.LastError}"));
            }
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Seconds behind the peer's stream at the last heartbeat applied ("0 s": caught up); measured on the peer's clock, so skew does not count.</summary>
    public static string Lag(TimeSpan? lag) => lag is { } value ? value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s" : "-";

    private static string Time(DateTimeOffset? at) => at?.ToString("u", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>The same peer service the server uses, over this command's store and the node's token keys.</summary>
    private static PeerService Service(NodeSession node) =>
        new(Repository(node.Db), PeerTokenProtector.ForKeys(PeerTokenProtector.KeysDirectoryFor(node.Db)),
            node.Get<OrganizationService>(), node.Get<CollectionService>(), node.Get<AdminGuard>(), TimeProvider.System);

    private static IFederationRepository Repository(string db)
    {
        var repository = NodeDatabases.For(db).OpenFederation(db);
        repository.Migrate();
        return repository;
    }
}
