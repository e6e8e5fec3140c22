using System.CommandLine;
using Riposte.Access;
using Riposte.Storage.Access;

namespace Riposte.Cli.Commands.Access;

/// <summary><c>riposte collection …</c>: TAXII collections and who may read or write them.</summary>
public static class CollectionCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("collection", "TAXII collections and their grants (to an organisation or a group of organisations)");
        command.Subcommands.Add(New(globals));
        command.Subcommands.Add(List(globals));
        command.Subcommands.Add(Grant(globals));
        command.Subcommands.Add(Revoke(globals));
        return command;
    }

    private static Command New(CliGlobals globals)
    {
        var title = new Argument<string>("title") { Description = "The collection's title" };
        var description = new Option<string?>("--description") { Description = "What it is for" };
        var id = new Option<string?>("--id") { Description = "Use this UUID as the collection id" };
        var command = new Command("create", "Create a collection") { title, description, id };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var record = node.Get<CollectionService>().Create(Principal.System, parse.GetValue(title)!, parse.GetValue(description), parse.GetValue(id));
            globals.Console.Out.MarkupLineInterpolated($"created collection [bold]{record.Title}[/] with id {record.Id}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliGlobals globals)
    {
        var command = new Command("list", "List collections with their grants");
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var service = node.Get<CollectionService>();
            var table = new Table().AddColumns("id", "title", "grants");
            foreach (var collection in service.List())
            {
                var grants = service.ListGrants(collection.Id)
                    .Select(g => $"{g.Kind.ToString().ToLowerInvariant()} {g.Grantee}: {(g.Read ? "r" : "")}{(g.Write ? "w" : "")}");
                table.AddRow(collection.Id, Markup.Escape(collection.Title), Markup.Escape(string.Join("\n", grants)));
            }
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (Argument<string> Collection, Option<string?> Org, Option<string?> Group) Grantee() => (
        new Argument<string>("collection") { Description = "The collection id" },
        new Option<string?>("--org") { Description = "An organisation's identity id" },
        new Option<string?>("--group") { Description = "A group of organisations (all-members, all-partners, all-outreach, community, everyone, or one made with 'riposte org group')" });

    private static (GranteeKind Kind, string Grantee) Target(ParseResult parse, Option<string?> org, Option<string?> group) =>
        (parse.GetValue(org), parse.GetValue(group)) switch
        {
            ({ } o, null) => (GranteeKind.Organization, o),
            (null, { } g) => (GranteeKind.Group, g),
            _ => throw new CliException("name exactly one grantee: --org IDENTITY_ID or --group NAME"),
        };

    private static Command Grant(CliGlobals globals)
    {
        var (collection, org, group) = Grantee();
        var read = new Option<bool>("--read") { Description = "May read" };
        var write = new Option<bool>("--write") { Description = "May add objects" };
        var command = new Command("grant", "Let an organisation or a group read and/or write a collection") { collection, org, group, read, write };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var (kind, grantee) = Target(parse, org, group);
            var grant = node.Get<CollectionService>().Grant(Principal.System, parse.GetValue(collection)!, kind, grantee, parse.GetValue(read), parse.GetValue(write));
            globals.Console.Out.MarkupLineInterpolated($"{grant.Grantee} may {(grant.Read ? "read" : "")}{(grant.Read && grant.Write ? " and " : "")}{(grant.Write ? "write" : "")} {grant.CollectionId}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CliGlobals globals)
    {
        var (collection, org, group) = Grantee();
        var command = new Command("revoke", "Take an organisation's or a group's rights on a collection away") { collection, org, group };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var (kind, grantee) = Target(parse, org, group);
            if (!node.Get<CollectionService>().Revoke(Principal.System, parse.GetValue(collection)!, kind, grantee))
                throw new CliException($"{grantee} had no grant on {parse.GetValue(collection)}");
            globals.Console.Out.MarkupLine("revoked");
            return ExitCodes.Ok;
        });
        return command;
    }
}
