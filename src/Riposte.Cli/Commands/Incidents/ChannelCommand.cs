using System.CommandLine;
using Riposte.Incidents.Model;
using Riposte.Incidents.Services;
using Spectre.Console;

namespace Riposte.Cli.Commands.Incidents;

/// <summary><c>riposte channel …</c>: the accounts, pages, sites and groups that carry manipulation, as first-class objects.</summary>
public static class ChannelCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("channel", "Channels (x-riposte-channel): create, update, list, show; link them with 'riposte narrative link'");
        command.Subcommands.Add(CreateCmd(globals));
        command.Subcommands.Add(Update(globals));
        command.Subcommands.Add(List(globals));
        command.Subcommands.Add(AnalystSession.ShowCommand(globals, "Show a channel as STIX", (s, id) => s.Get<NarrativeService>().Get(s.Principal, id, RiposteExtensions.ChannelType)));
        HistoryCommands.AddTo(command, globals, "a channel", RiposteExtensions.ChannelType);
        return command;
    }

    private sealed record ChannelOptions(Option<string?> Name, Option<string?> Description, Option<string?> Platform, Option<string?> Url, Option<string?> Handle, Option<string[]> Languages, Option<string?> Tlp)
    {
        public static ChannelOptions New(bool creating) => new(
            new Option<string?>("--name") { Required = creating },
            new Option<string?>("--description"),
            new Option<string?>("--platform") { Description = "e.g. telegram, x, facebook, tiktok, website", Required = creating },
            new Option<string?>("--url"),
            new Option<string?>("--handle"),
            new Option<string[]>("--language") { Description = "RFC 5646 tag (repeatable)" },
            new Option<string?>("--tlp") { Description = "clear, green, amber (default), amber+strict, red" });

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Name, Description, Platform, Url, Handle, Languages, Tlp })
                command.Options.Add(option);
        }

        public ChannelInput Read(ParseResult parse) => new()
        {
            Name = parse.GetValue(Name), Description = parse.GetValue(Description), Platform = parse.GetValue(Platform), Url = parse.GetValue(Url),
            Handle = parse.GetValue(Handle), Languages = parse.GetValue(Languages) is { Length: > 0 } languages ? languages : null, Tlp = parse.GetValue(Tlp),
        };
    }

    private static Command CreateCmd(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var options = ChannelOptions.New(creating: true);
        var command = new Command("create", "Create a channel") { asUser };
        options.AddTo(command);
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            AnalystSession.PrintDone(globals, s.Get<NarrativeService>().CreateChannel(s.Principal, options.Read(parse)), "created");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Update(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var version = IncidentCommand.VersionOption();
        var options = ChannelOptions.New(creating: false);
        var command = new Command("update", "Edit a channel (a new version)") { asUser, id, version };
        options.AddTo(command);
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var service = s.Get<NarrativeService>();
            var target = parse.GetValue(id)!;
            var expected = IncidentCommand.VersionOf(parse, version, () => service.Get(s.Principal, target, RiposteExtensions.ChannelType));
            AnalystSession.PrintDone(globals, service.UpdateChannel(s.Principal, target, expected, options.Read(parse)), "updated");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var search = new Option<string?>("--search");
        var command = new Command("list", "List channels as a table") { asUser, search };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var channels = s.Get<NarrativeService>().List(s.Principal, RiposteExtensions.ChannelType, parse.GetValue(search));
            var table = new Table().AddColumns("id", "name", "platform", "handle", "url", "version");
            foreach (var c in channels)
            {
                table.AddRow(Markup.Escape(c.Id), Markup.Escape(c.Name ?? ""), Markup.Escape(c.GetString("platform") ?? ""), Markup.Escape(c.GetString("handle") ?? ""),
                    Markup.Escape(c.GetString("url") ?? ""), c.Version?.Text ?? "");
            }
            globals.Console.Out.Write(table);
            globals.Console.Out.MarkupLineInterpolated($"{channels.Count} channel(s)");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
