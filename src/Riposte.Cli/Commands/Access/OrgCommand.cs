using System.CommandLine;
using Riposte.Access;
using Riposte.Storage.Access;

namespace Riposte.Cli.Commands.Access;

/// <summary><c>riposte org …</c>: onboard members, partners and outreach organisations with a trust tier.</summary>
public static class OrgCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("org", "Organisations that use this node: members, partners, outreach (civil society, academia, industry)");
        command.Subcommands.Add(Add(globals));
        command.Subcommands.Add(List(globals));
        command.Subcommands.Add(Tier(globals));
        command.Subcommands.Add(Client(globals));
        command.Subcommands.Add(Group(globals));
        return command;
    }

    private static Command Add(CliGlobals globals)
    {
        var name = new Argument<string>("name") { Description = "The organisation's name" };
        var tier = new Option<TrustTier>("--tier") { Description = "member, partner or outreach: decides what it can see and send", DefaultValueFactory = _ => TrustTier.Member };
        var id = new Option<string?>("--id") { Description = "Use this existing STIX identity id instead of creating a new identity" };
        var command = new Command("add", "Register an organisation (creates its STIX identity unless --id names one)") { name, tier, id };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var record = node.Get<OrganizationOnboarding>().Onboard(Principal.System, parse.GetValue(name)!, parse.GetValue(tier), parse.GetValue(id));
            globals.Console.Out.MarkupLineInterpolated($"registered [bold]{record.Name}[/] ({record.Tier.ToString().ToLowerInvariant()}) as {record.Id}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliGlobals globals)
    {
        var command = new Command("list", "List registered organisations");
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var table = new Table().AddColumns("id", "name", "tier", "registered");
            foreach (var org in node.Get<OrganizationService>().List())
                table.AddRow(org.Id, Markup.Escape(org.Name), org.Tier.ToString().ToLowerInvariant(), org.Created.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Tier(CliGlobals globals)
    {
        var id = new Argument<string>("id") { Description = "The organisation's identity id" };
        var tier = new Argument<TrustTier>("tier") { Description = "member, partner or outreach" };
        var command = new Command("tier", "Change an organisation's trust tier") { id, tier };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var record = node.Get<OrganizationService>().ChangeTier(Principal.System, parse.GetValue(id)!, parse.GetValue(tier));
            globals.Console.Out.MarkupLineInterpolated($"{record.Name} is now {record.Tier.ToString().ToLowerInvariant()}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Client(CliGlobals globals)
    {
        var provider = new Argument<string>("provider") { Description = "The organisation whose clients receive its TLP:AMBER" };
        var client = new Argument<string>("client") { Description = "The client organisation" };
        var remove = new Option<bool>("--remove") { Description = "Remove the client relationship instead" };
        var command = new Command("client", "Record that one organisation is a client of another (TLP:AMBER reaches an organisation's clients)") { provider, client, remove };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var service = node.Get<OrganizationService>();
            if (parse.GetValue(remove))
                service.RemoveClient(Principal.System, parse.GetValue(provider)!, parse.GetValue(client)!);
            else
                service.AddClient(Principal.System, parse.GetValue(provider)!, parse.GetValue(client)!);
            globals.Console.Out.MarkupLine("done");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Group(CliGlobals globals)
    {
        var group = new Argument<string>("group") { Description = "A group name (lower-case letters, digits, dashes)" };
        var org = new Argument<string>("id") { Description = "The organisation's identity id" };
        var remove = new Option<bool>("--remove") { Description = "Take it out of the group instead" };
        var command = new Command("group", "Put an organisation in a named group (collections can be granted to a group)") { group, org, remove };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var service = node.Get<OrganizationService>();
            if (parse.GetValue(remove))
                service.RemoveFromGroup(Principal.System, parse.GetValue(group)!, parse.GetValue(org)!);
            else
                service.AddToGroup(Principal.System, parse.GetValue(group)!, parse.GetValue(org)!);
            globals.Console.Out.MarkupLine("done");
            return ExitCodes.Ok;
        });
        return command;
    }
}
